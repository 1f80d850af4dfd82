import { describeCorpus } from './testing/bad-file-runs';

// One-stop exports, CSV and XLSX: a refused file exits 2, a file whose only row is rejected exits 3.
describeCorpus(['dossiers-csv', 'dossiers-xlsx']);
