// The one-byte flag columns of a dataset (covered, has fiber, …): 1 yes, 0 no, 255 unknown (the
// cell was empty). One module of constants and nothing else, so reading a flag pulls in no importer.
export const FLAG_NO = 0;
export const FLAG_YES = 1;
export const FLAG_UNKNOWN = 255;
