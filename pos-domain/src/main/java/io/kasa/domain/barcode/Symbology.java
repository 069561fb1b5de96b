package io.kasa.domain.barcode;

/** The kinds of code Kasa tells apart. */
public enum Symbology {
  EAN_8,
  EAN_13,
  UPC_A,
  UPC_E,
  GTIN_14,
  GS1_128,
  GS1_DATABAR,
  GS1_DATAMATRIX,
  GS1_QR,
  CODE_128,
  CODE_39,
  QR,
  DATA_MATRIX,
  /** Not announced by the scanner and not recognisable from the digits. */
  UNKNOWN
}
