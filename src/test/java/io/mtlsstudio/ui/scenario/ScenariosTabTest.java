package io.mtlsstudio.ui.scenario;

import io.mtlsstudio.scenario.ScenarioTable;
import io.mtlsstudio.scenario.Verdict;
import io.mtlsstudio.ui.MainViewModel;
import io.mtlsstudio.ui.MtlsStudioApp;
import io.mtlsstudio.ui.form.CredentialFieldModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.util.List;

import static io.mtlsstudio.ui.findings.FxWait.onFx;
import static io.mtlsstudio.ui.findings.FxWait.showing;
import static io.mtlsstudio.ui.findings.FxWait.text;
import static io.mtlsstudio.ui.findings.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Scenarios tab driven from the window: a full run on the embedded frontends, a cancelled run, and a row opened in the timeline. */
@ExtendWith(ApplicationExtension.class)
class ScenariosTabTest {

    private static final long RUN_SECONDS = 90;

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = MainViewModel.create();
        MtlsStudioApp.show(stage, model);
        model.useSampleCredentials();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void embeddedTableRunsAllGreen(FxRobot robot) {
        waitForSampleFiles();
        openScenariosTab(robot);

        long startedAt = System.nanoTime();
        robot.clickOn("#scenarioRun");
        waitUntil("the table has run", RUN_SECONDS, () -> model.scenarios().reportProperty().get() != null);
        System.out.println("Scenario table from the window: " + (System.nanoTime() - startedAt) / 1_000_000 + " ms");

        int rows = ScenarioTable.all().size();
        assertTrue(text(robot, "#scenarioStatus").startsWith(rows + " passed, 0 failed, 0 not run in "),
                text(robot, "#scenarioStatus"));
        List<String> shown = verdictsShown(robot);
        assertTrue(shown.size() >= 5, "the table shows at least the rows of Cadence's table: " + shown);
        for (String verdict : shown) {
            assertEquals(Verdict.PASS.label(), verdict);
        }
        assertEquals("PASS", text(robot, "#verdict-1"));
        assertEquals("PASS", text(robot, "#verdict-2b"));
        assertTrue(onFx(() -> model.scenarios().rows().stream().allMatch(row -> row.result().verdict() == Verdict.PASS)));
        assertFalse(onFx(() -> robot.lookup("#scenarioExport").query().isDisabled()), "Export is offered after a run");
    }

    @Test
    void rowOpensInTimeline(FxRobot robot) {
        waitForSampleFiles();
        openScenariosTab(robot);
        robot.clickOn("#scenarioCommonFaults");
        robot.clickOn("#scenarioRun");
        waitUntil("the table has run", RUN_SECONDS, () -> model.scenarios().reportProperty().get() != null);

        robot.clickOn("#verdict-2b");
        waitUntil("the row's details show", 5, () -> showing(robot, "#scenarioOpenSelected"));
        // The row detail can sit below the fold of a small window; fire the button as the keyboard would.
        robot.interact(() -> robot.lookup("#scenarioOpenSelected").queryButton().fire());
        waitUntil("the step detail shows the row's failure", 10, () -> showing(robot, "#detailFailureCode"));

        assertEquals("stepDetailTab", onFx(() -> ((TabPane) robot.lookup("#detailTabs").query())
                .getSelectionModel().getSelectedItem().getId()));
        assertEquals("CLIENT_CERT_REQUIRED", text(robot, "#detailFailureCode"));
        assertEquals("FAILED", text(robot, "#step-VERIFY_CLIENT-status"));
        assertEquals("SKIPPED", text(robot, "#step-ACCESS_GRANTED-status"));
        assertEquals("FAILED", text(robot, "#resultKind"));
        assertTrue(text(robot, "#resultText").startsWith("VERIFY_CLIENT failed with CLIENT_CERT_REQUIRED"),
                text(robot, "#resultText"));
    }

    @Test
    void cancelStopsRunAgainstSilentServer(FxRobot robot) throws IOException {
        waitForSampleFiles();
        try (SilentServer silent = new SilentServer()) {
            openScenariosTab(robot);
            robot.clickOn("#scenarioUserServers");
            robot.clickOn("#scenarioSecured").write(silent.target());
            robot.clickOn("#scenarioUnsecured").write(silent.target());
            robot.clickOn("#scenarioRun");
            waitUntil("a row waits for the silent server", RUN_SECONDS, () -> model.scenarios().rows().stream()
                    .anyMatch(row -> row.state() == ScenarioRow.State.RUNNING));
            assertEquals("RUNNING", verdictsShown(robot).stream().filter("RUNNING"::equals).findFirst().orElse(""));
            assertTrue(showing(robot, "#scenarioProgress"), "the progress bar shows while running");

            robot.clickOn("#scenarioCancel");
            waitUntil("the run ends", 10, () -> !model.scenarios().isRunning());
        }

        assertTrue(text(robot, "#scenarioStatus").endsWith("(cancelled)"), text(robot, "#scenarioStatus"));
        assertTrue(onFx(() -> model.scenarios().rows().stream().allMatch(row -> row.result().verdict() == Verdict.NOT_RUN)));
        for (String verdict : verdictsShown(robot)) {
            assertEquals(Verdict.NOT_RUN.label(), verdict);
        }
        assertFalse(onFx(() -> robot.lookup("#scenarioRun").query().isDisabled()), "Run is offered again");
    }

    /** Opens the tab with its View menu shortcut, because a narrow window puts its header in the overflow menu. */
    private static void openScenariosTab(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
        waitUntil("the Scenarios tab is selected", 5, () -> "scenariosTab".equals(((TabPane) robot.lookup("#detailTabs").query())
                .getSelectionModel().getSelectedItem().getId()));
    }

    private void waitForSampleFiles() {
        waitUntil("the sample files are checked", RUN_SECONDS, () -> model.connection().files().stream()
                .allMatch(field -> field.state() == CredentialFieldModel.State.VALID));
    }

    /** True when the node and every ancestor are visible: the table keeps spare cells hidden. */
    private static boolean shownWithAncestors(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Returns the verdict texts the table's visible cells show, top to bottom. */
    /** Returns the verdict labels of all rows, scrolling the table so that each row is drawn once. */
    private static List<String> verdictsShown(FxRobot robot) {
        java.util.Map<String, String> byRow = new java.util.LinkedHashMap<>();
        int rows = onFx(() -> robot.lookup("#scenarioTable").queryAs(TableView.class).getItems().size());
        for (int index = 0; index < Math.max(rows, 1); index++) {
            int row = index;
            onFx(() -> {
                robot.lookup("#scenarioTable").queryAs(TableView.class).scrollTo(row);
                return Boolean.TRUE;
            });
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> {
                TableView<?> table = robot.lookup("#scenarioTable").queryAs(TableView.class);
                table.lookupAll(".scenario-verdict").stream()
                        .filter(ScenariosTabTest::shownWithAncestors)
                        .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                        .forEach(node -> byRow.putIfAbsent(node.getId() == null ? "row-" + byRow.size() : node.getId(),
                                ((Label) node).getText()));
                return Boolean.TRUE;
            });
        }
        onFx(() -> {
            robot.lookup("#scenarioTable").queryAs(TableView.class).scrollTo(0);
            return Boolean.TRUE;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return List.copyOf(byRow.values());
    }
}
