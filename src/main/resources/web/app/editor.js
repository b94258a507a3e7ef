// The policies page's file editors: CodeMirror 6 over each <textarea data-editor>, with DRL highlighting and the compile
// errors the server reports shown at their lines. Without JavaScript the textareas work as they are; with it, each is
// hidden and kept in step with its editor, so the form posts what the editor holds. Tab is left to the browser (no
// indentWithTab), so it moves focus out of the editor as it does out of a textarea.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { StreamLanguage, syntaxHighlighting, bracketMatching, indentOnInput } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';

const KEYWORDS = new Set(['package', 'import', 'global', 'function', 'rule', 'when', 'then', 'end', 'query', 'declare',
  'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'dialect', 'enabled', 'not', 'exists',
  'forall', 'accumulate', 'collect', 'from', 'eval', 'and', 'or', 'over', 'insert', 'insertLogical', 'modify', 'update',
  'retract', 'delete', 'new', 'return', 'if', 'else', 'for', 'true', 'false', 'null', 'this', 'matches', 'contains',
  'memberOf', 'in', 'extends', 'attributes']);

// DRL: the rule language's keywords, Java-like strings, numbers and comments, $bindings, types and properties.
const drl = StreamLanguage.define({
  name: 'drl',
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.inComment = false;
      } else {
        stream.skipToEnd();
      }
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
    if (stream.match('/*')) { state.inComment = true; return 'comment'; }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^\d+(\.\d+)?/)) return 'number';
    if (stream.match(/^\$\w+/)) return 'variableName';
    const word = stream.match(/^[A-Za-z_][\w-]*/);
    if (word) {
      if (KEYWORDS.has(word[0])) return 'keyword';
      return /^[A-Z]/.test(word[0]) ? 'typeName' : 'propertyName';
    }
    stream.next();
    return 'operator';
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

// parameters.properties: comments, keys and values.
const properties = StreamLanguage.define({
  name: 'properties',
  token(stream) {
    if (stream.sol()) {
      if (stream.eatSpace()) return null;
      if (stream.match(/^[#!].*/)) return 'comment';
      if (stream.match(/^[^=:\s]+/)) return 'propertyName';
    }
    if (stream.match(/^\s*[=:]\s*/)) return 'operator';
    stream.skipToEnd();
    return /^-?\d+(\.\d+)?$/.test(stream.current().trim()) ? 'number' : 'string';
  },
  languageData: { commentTokens: { line: '#' } },
});

const editors = new Map();

// The errors the server listed for this file (data-error-file, data-error-line), at their lines; edits made since move
// them along with their text.
function showErrorsIn(view, name) {
  const found = [];
  document.querySelectorAll('[data-error-file]').forEach((item) => {
    const number = Number(item.dataset.errorLine);
    if (item.dataset.errorFile !== name || !number || number > view.state.doc.lines) return;
    const line = view.state.doc.line(number);
    found.push({ from: line.from, to: line.to, severity: 'error', message: item.dataset.errorMessage || item.textContent });
  });
  view.dispatch(setDiagnostics(view.state, found));
}

export function enhance(root = document) {
  root.querySelectorAll('textarea[data-editor]').forEach((textarea) => {
    if (editors.has(textarea)) return;
    const name = textarea.dataset.editor;
    const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
    const hint = textarea.getAttribute('aria-describedby');
    const attributes = { 'aria-label': `${name}, code editor` };
    if (label && label.id) attributes['aria-labelledby'] = label.id;
    if (hint) attributes['aria-describedby'] = hint;
    const view = new EditorView({
      state: EditorState.create({
        doc: textarea.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          // Fixed tok-* classes styled in editor.css: the styles CodeMirror generates are refused by the pages' CSP.
          syntaxHighlighting(classHighlighter),
          bracketMatching(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          highlightSelectionMatches(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
          name.endsWith('.properties') ? properties : drl,
          lintGutter(),
          // Set through the view: it rewrites its element's class when focus comes and goes.
          EditorView.editorAttributes.of({ class: 'code-editor', 'data-editor-for': name }),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) textarea.value = update.state.doc.toString();
          }),
        ],
      }),
    });
    textarea.hidden = true;
    textarea.insertAdjacentElement('afterend', view.dom);
    // The label names the textarea; clicking it goes to the editor that stands in for it.
    if (label) label.addEventListener('click', (event) => { event.preventDefault(); view.focus(); });
    editors.set(textarea, view);
    showErrorsIn(view, name);
  });
}

// After the server answers a check, dry run or activation, show its errors in the editors.
export function showErrors() {
  editors.forEach((view, textarea) => showErrorsIn(view, textarea.dataset.editor));
}
