// Éditeur de vocabulaire de « Dessine-moi le travail » (issue 16) : messages français. Mêmes clés que editor.en.js.
export default {
  'prioEditor.label': 'Vocabulaire de Dessine-moi le travail',
  'prioEditor.intro': 'Les identifiants sont fixes (la synthèse compte par eux) : adaptez les libellés et les aides à votre territoire.',
  'prioEditor.problems': 'À corriger avant l’enregistrement :',
  'prioEditor.profiles': 'Profils des participant·es',
  'prioEditor.categories': 'Catégories de problèmes',
  'prioEditor.entry': '« {id} »',
  'prioEditor.entryLabel': 'Libellé',
  'prioEditor.entryHint': 'Aide affichée dessous (facultative)',
  'prioEditor.remove': 'Retirer',
  'prioEditor.add': 'Ajouter',
  'prioEditor.addWhich': 'Identifiant à ajouter',
};
