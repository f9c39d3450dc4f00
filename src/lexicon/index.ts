/**
 * The CJK lexicon: what the parser, the plan builder and the rules know about Chinese plan
 * text — character classes, sentence ends, numerals, place suffixes, responsibility labels.
 * One definition of each, imported from here.
 */
export * from './characters.js'
export * from './numerals.js'
export * from './places.js'
export * from './responsibility.js'
