// "Dessine-moi le travail" vocabulary editor (issue 16): English messages. Same keys as editor.fr.js.
export default {
  'prioEditor.label': 'Dessine-moi le travail vocabulary',
  'prioEditor.intro': 'Identifiers are fixed (the synthesis counts by them): adapt the labels and hints to your territory.',
  'prioEditor.problems': 'To fix before saving:',
  'prioEditor.profiles': 'Participants’ profiles',
  'prioEditor.categories': 'Categories of problems',
  'prioEditor.entry': '“{id}”',
  'prioEditor.entryLabel': 'Label',
  'prioEditor.entryHint': 'Hint shown below (optional)',
  'prioEditor.remove': 'Remove',
  'prioEditor.add': 'Add',
  'prioEditor.addWhich': 'Identifier to add',
};
