/** The TeXML writer: escaping, elements, attribute checks and the verb specs. */
export * from './xml';
export * from './attributes';
export * from './conference';
