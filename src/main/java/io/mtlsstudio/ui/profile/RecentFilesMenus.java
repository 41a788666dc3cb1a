package io.mtlsstudio.ui.profile;

import io.mtlsstudio.ui.form.ConnectionView;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import io.mtlsstudio.ui.form.CredentialFieldView;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recent files for the three file pickers of the connection form: a drop-down next to each
 * Browse button, and the remembering of each file the user chooses.
 *
 * <p>A file counts as chosen when a field's path changes through the Browse button, one of the
 * File menu's open items (both open the file dialog, which blocks until it closes), or a drop
 * onto the field. Typed paths, sample credentials and opened profiles are not remembered, so only
 * files the user picked appear in the lists.
 */
public final class RecentFilesMenus {

    /** The CSS ids of the File menu items that open a field's file dialog. */
    static final Map<String, CredentialFieldModel.Kind> MENU_ITEMS = Map.of(
            "openCertificateItem", CredentialFieldModel.Kind.CLIENT_CERTIFICATE,
            "openKeyItem", CredentialFieldModel.Kind.CLIENT_KEY,
            "openCaItem", CredentialFieldModel.Kind.CA);

    private RecentFilesMenus() {
    }

    /**
     * Adds the drop-downs to the form's file fields and watches the fields and {@code fileMenu}
     * for chosen files.
     *
     * @param fileMenu the menu whose items open the file dialogs; null to watch the fields only
     */
    public static void install(ConnectionView form, Menu fileMenu, ProfileViewModel model) {
        Map<CredentialFieldModel.Kind, CredentialFieldView> views = new EnumMap<>(CredentialFieldModel.Kind.class);
        views.put(CredentialFieldModel.Kind.CLIENT_CERTIFICATE, form.clientCertificateField());
        views.put(CredentialFieldModel.Kind.CLIENT_KEY, form.clientKeyField());
        views.put(CredentialFieldModel.Kind.CA, form.caField());

        views.forEach((kind, view) -> {
            addDropDown(view, kind, model);
            watch(view, List.of(kind), model);
        });
        if (fileMenu != null) {
            watchMenu(fileMenu, form, model);
        }
    }

    /** Returns the CSS id of a picker's drop-down. */
    public static String dropDownId(CredentialFieldModel.Kind kind) {
        return switch (kind) {
            case CLIENT_CERTIFICATE -> "clientCertificateRecent";
            case CLIENT_KEY -> "clientKeyRecent";
            case CA -> "caFileRecent";
        };
    }

    private static void addDropDown(CredentialFieldView view, CredentialFieldModel.Kind kind, ProfileViewModel model) {
        MenuButton button = new MenuButton();
        button.setId(dropDownId(kind));
        button.getStyleClass().add("recent-button");
        button.setTooltip(new Tooltip("Recent " + kind.label().toLowerCase() + " files"));
        button.setAccessibleText("Recent " + kind.label().toLowerCase() + " files");
        fill(button, kind, model);
        model.recent(kind).addListener((ListChangeListener<Path>) change -> fill(button, kind, model));

        // The path field and its Browse button share one row; the drop-down joins them there.
        if (view.pathField().getParent() instanceof Pane row) {
            row.getChildren().add(button);
        } else {
            view.getChildren().add(button);
        }
    }

    private static void fill(MenuButton button, CredentialFieldModel.Kind kind, ProfileViewModel model) {
        button.getItems().clear();
        for (Path file : model.recent(kind)) {
            Path folder = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (folder == null ? "" : "  —  " + folder));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> model.chooseRecent(kind, file));
            button.getItems().add(item);
        }
        if (button.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            button.getItems().add(none);
            return;
        }
        MenuItem clear = new MenuItem("Clear this list");
        clear.setOnAction(event -> model.clearRecent(kind));
        button.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    /** Remembers a field's new path when it changed during one action event that passed through {@code node}. */
    private static void watch(Node node, List<CredentialFieldModel.Kind> kinds, ProfileViewModel model) {
        PathsBefore before = new PathsBefore(kinds, model);
        node.addEventFilter(ActionEvent.ACTION, event -> before.capture());
        node.addEventHandler(ActionEvent.ACTION, event -> before.rememberChanged());
        // The field's own drop handler runs after every handler added here, so the comparison waits for the next pulse.
        node.addEventFilter(DragEvent.DRAG_DROPPED, event -> {
            PathsBefore drop = new PathsBefore(kinds, model);
            drop.capture();
            Platform.runLater(drop::rememberChanged);
        });
    }

    /**
     * Remembers the file chosen through a File menu item. A menu item runs its own handler after
     * every handler of its menu, so the menu arms the item's field when the action starts, and the
     * field's next path change counts as chosen. The next key or mouse press in the window disarms
     * it, which covers a file dialog closed without a choice.
     */
    private static void watchMenu(Menu menu, Node form, ProfileViewModel model) {
        MenuArming arming = new MenuArming(model);
        menu.addEventFilter(ActionEvent.ACTION, event -> {
            if (event.getTarget() instanceof MenuItem item && item.getId() != null && MENU_ITEMS.containsKey(item.getId())) {
                arming.arm(MENU_ITEMS.get(item.getId()));
            }
        });
        for (CredentialFieldModel.Kind kind : CredentialFieldModel.Kind.values()) {
            model.field(kind).pathProperty().addListener((observable, before, after) -> arming.pathChanged(kind));
        }
        EventHandler<InputEvent> disarm = event -> arming.disarm();
        form.sceneProperty().addListener((observable, before, scene) -> {
            if (before != null) {
                before.removeEventFilter(MouseEvent.MOUSE_PRESSED, disarm);
                before.removeEventFilter(KeyEvent.KEY_PRESSED, disarm);
            }
            if (scene != null) {
                scene.addEventFilter(MouseEvent.MOUSE_PRESSED, disarm);
                scene.addEventFilter(KeyEvent.KEY_PRESSED, disarm);
            }
        });
    }

    /** The field whose next path change a File menu item's file dialog makes. */
    private static final class MenuArming {
        private final ProfileViewModel model;
        private CredentialFieldModel.Kind armed;

        MenuArming(ProfileViewModel model) {
            this.model = model;
        }

        void arm(CredentialFieldModel.Kind kind) {
            armed = kind;
        }

        void disarm() {
            armed = null;
        }

        void pathChanged(CredentialFieldModel.Kind kind) {
            if (kind != armed) {
                return;
            }
            armed = null;
            CredentialFieldModel field = model.field(kind);
            if (!field.isBlank()) {
                try {
                    model.remember(kind, Path.of(field.path().strip()));
                } catch (InvalidPathException e) {
                    // The field shows the invalid path itself; there is nothing to remember.
                }
            }
        }
    }

    /** The paths of some fields at the start of an action, compared with their paths at its end. */
    private static final class PathsBefore {
        private final List<CredentialFieldModel.Kind> kinds;
        private final ProfileViewModel model;
        private final Map<CredentialFieldModel.Kind, String> paths = new EnumMap<>(CredentialFieldModel.Kind.class);

        PathsBefore(List<CredentialFieldModel.Kind> kinds, ProfileViewModel model) {
            this.kinds = kinds;
            this.model = model;
        }

        void capture() {
            paths.clear();
            kinds.forEach(kind -> paths.put(kind, model.field(kind).path()));
        }

        void rememberChanged() {
            for (CredentialFieldModel.Kind kind : kinds) {
                CredentialFieldModel field = model.field(kind);
                if (paths.containsKey(kind) && !Objects.equals(paths.get(kind), field.path()) && !field.isBlank()) {
                    try {
                        model.remember(kind, Path.of(field.path().strip()));
                    } catch (InvalidPathException e) {
                        // The field shows the invalid path itself; there is nothing to remember.
                    }
                }
            }
            paths.clear();
        }
    }
}
