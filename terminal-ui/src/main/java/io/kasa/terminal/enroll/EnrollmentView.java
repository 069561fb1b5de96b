package io.kasa.terminal.enroll;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.ui.Touch;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first-run wizard: service and code, then the printer (or skip). */
public final class EnrollmentView extends VBox {

  public EnrollmentView(EnrollmentViewModel vm, Messages m) {
    super(16);
    setPadding(new Insets(48));
    setAlignment(Pos.TOP_CENTER);
    setMaxWidth(720);
    Label title = new Label();
    title.textProperty().bind(m.binding("enroll.title"));
    title.getStyleClass().add("title-1");

    TextField url = field("enroll-url", m, "enroll.url");
    url.textProperty().bindBidirectional(vm.urlProperty());
    TextField code = field("enroll-code", m, "enroll.code");
    code.textProperty().bindBidirectional(vm.codeProperty());
    Button test = Touch.button(m.binding("enroll.test"), null, vm::test);
    test.setId("enroll-test");
    Button enroll = Touch.button(m.binding("enroll.enroll"), "Enter", vm::enroll);
    enroll.setId("enroll-go");
    enroll.getStyleClass().add("accent");
    code.setOnAction(e -> vm.enroll());
    test.disableProperty().bind(vm.busyProperty());
    enroll.disableProperty().bind(vm.busyProperty());
    VBox service = new VBox(12, url, code, new HBox(12, Touch.grow(test), Touch.grow(enroll)));

    TextField printer = field("enroll-printer", m, "enroll.printer");
    printer.textProperty().bindBidirectional(vm.printerProperty());
    ComboBox<String> profile = new ComboBox<>(vm.profiles());
    profile.setId("enroll-profile");
    profile.valueProperty().bindBidirectional(vm.profileProperty());
    profile.setMinHeight(Touch.TARGET - 8);
    profile.setMaxWidth(Double.MAX_VALUE);
    Button save = Touch.button(m.binding("enroll.devices.save"), null, () -> vm.finish(false));
    save.setId("enroll-devices");
    save.getStyleClass().add("accent");
    Button skip = Touch.button(m.binding("enroll.devices.skip"), null, () -> vm.finish(true));
    skip.setId("enroll-skip");
    Label hint = new Label();
    hint.textProperty().bind(m.binding("enroll.printer.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    VBox devices =
        new VBox(12, hint, printer, profile, new HBox(12, Touch.grow(skip), Touch.grow(save)));

    Label message = new Label();
    message.setId("enroll-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    Runnable steps =
        () -> {
          boolean first = vm.stepProperty().get() == EnrollmentViewModel.Step.SERVICE;
          service.setVisible(first);
          service.setManaged(first);
          devices.setVisible(!first);
          devices.setManaged(!first);
        };
    vm.stepProperty().addListener((o, a, b) -> steps.run());
    steps.run();
    getChildren().addAll(title, service, devices, message);
  }

  private static TextField field(String id, Messages m, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.promptTextProperty().bind(m.binding(prompt));
    f.setMinHeight(Touch.TARGET - 8);
    return f;
  }
}
