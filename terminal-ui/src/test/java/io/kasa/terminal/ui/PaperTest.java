package io.kasa.terminal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperTest {

  @Test
  void aWideReceiptShrinksToFitANarrowPane() {
    // 48 columns in the 365 px the payment pane has at 1024×768.
    double size = Paper.size(365, 48);
    assertThat(size).isLessThan(Paper.LARGEST).isGreaterThanOrEqualTo(Paper.SMALLEST);
    assertThat(48 * Paper.ADVANCE * size + Paper.CHROME).isLessThanOrEqualTo(365);
  }

  @Test
  void whereThereIsRoomTheSizeStaysTheStylesheets() {
    assertThat(Paper.size(520, 48)).isEqualTo(Paper.LARGEST);
    assertThat(Paper.size(365, 32)).isEqualTo(Paper.LARGEST);
  }

  @Test
  void itNeverShrinksBelowTheFloorNorBeforeItIsLaidOut() {
    assertThat(Paper.size(120, 48)).isEqualTo(Paper.SMALLEST);
    assertThat(Paper.size(0, 48)).isEqualTo(Paper.LARGEST);
    assertThat(Paper.size(365, 0)).isEqualTo(Paper.LARGEST);
  }
}
