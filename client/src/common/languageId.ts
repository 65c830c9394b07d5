/** The id package.json gives the mapping language (`*.midi.csv`): what documents, selectors and the status item are matched by. */
export const LANGUAGE_ID = 'rekordbox-midi';
