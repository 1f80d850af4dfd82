import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { UndoRedo } from '@tiptap/extensions';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { richDocToText, textToRichDoc, type RichNode } from './rich-text';

interface Props {
  id: string;
  /** The id of the section's heading, which names the editor. */
  labelledBy: string;
  /** The section's free text in the narrative's markup. */
  value: string;
  onChange: (text: string) => void;
  disabled?: boolean;
}

const EXTENSIONS = [Document, Paragraph, Text, Bold, Italic, Heading.configure({ levels: [3] }), BulletList, ListItem, ListKeymap, UndoRedo];

/**
 * The text of one section, edited as it will print: buttons (and Ctrl+B, Ctrl+I) for bold and
 * italic, a bulleted list and a list inside it ("-" and "+" in the document), a sub-heading.
 * Nobody types markup; what is stored stays the narrative's markup (src/domain/narrative).
 */
export function NarrativeEditor({ id, labelledBy, value, onChange, disabled = false }: Props) {
  // The text this editor last reported, so a value coming back from the parent is not reloaded.
  const emitted = useRef(value);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: textToRichDoc(value),
    editable: !disabled,
    editorProps: {
      attributes: { id, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelledBy, class: 'narrative-editor-content' },
    },
    onUpdate: ({ editor: e }) => {
      const text = richDocToText(e.getJSON() as RichNode);
      if (text === emitted.current) return;
      emitted.current = text;
      onChange(text);
    },
  });

  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(textToRichDoc(value), { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  return (
    <div className={`narrative-editor${disabled ? ' is-disabled' : ''}`}>
      {!disabled && editor && <Toolbar editor={editor} controls={id} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading'),
      list: e.isActive('bulletList'),
      nested: e.can().sinkListItem('listItem'),
      outdent: e.can().liftListItem('listItem'),
    }),
  });
  const button = (name: string, pressed: boolean | null, run: () => void, text: string, enabled = true) => (
    <button
      type="button"
      className="button button-small editor-button"
      aria-pressed={pressed ?? undefined}
      disabled={!enabled}
      // Keep the selection in the text while the button is pressed.
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      title={name}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Định dạng" aria-controls={controls}>
      {button('Đậm (Ctrl+B)', state.bold, () => chain().toggleBold().run(), 'Đậm')}
      {button('Nghiêng (Ctrl+I)', state.italic, () => chain().toggleItalic().run(), 'Nghiêng')}
      {button('Danh sách gạch đầu dòng (-)', state.list, () => chain().toggleBulletList().run(), 'Danh sách')}
      {button('Danh sách con (+) trong mục đang chọn', null, () => chain().sinkListItem('listItem').run(), 'Lùi vào', state.nested)}
      {button('Đưa mục ra ngoài', null, () => chain().liftListItem('listItem').run(), 'Lùi ra', state.outdent)}
      {button('Tiêu đề nhỏ trong mục', state.heading, () => chain().toggleHeading({ level: 3 }).run(), 'Tiêu đề nhỏ')}
    </div>
  );
}
