import { describeCorpus } from './testing/bad-file-runs';

// Unit lists (CSV and the official JSON) and the procedure catalogue (CSV and XLSX).
describeCorpus(['units-csv', 'units-json', 'procedures']);
