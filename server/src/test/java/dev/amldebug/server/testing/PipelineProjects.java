package dev.amldebug.server.testing;

import static dev.amldebug.runner.testing.Projects.write;

import java.nio.file.Path;

/**
 * A small real pipeline for tests: prep writes a table of 1..count, train sums it into a model file; other runs
 * on its own (for {@code otherSeconds}) and report after it. Every step runs in the tests' base image.
 */
public final class PipelineProjects {
    /** train.py's line where {@code total} is known: a breakpoint there sees the sum of prep's table. */
    public static final int TRAIN_LINE_AFTER_SUM = 5;

    private PipelineProjects() {
    }

    /**
     * @param prepExit              prep's exit code (0: it writes its table)
     * @param continueOnStepFailure settings.continue_on_step_failure
     * @param otherSeconds          how long other takes: longer than a failing prep, report has not started then
     * @return the pipeline YAML
     */
    public static Path pipeline(Path project, String image, int prepExit, boolean continueOnStepFailure,
                                int otherSeconds) {
        write(project, "prep/prep.py", """
                import os, sys
                count, out = int(sys.argv[1]), sys.argv[2]
                if %d:
                    print('prep fails', flush=True)
                    raise SystemExit(%d)
                with open(os.path.join(out, 'table.csv'), 'w') as f:
                    f.write(''.join('%%d\\n' %% i for i in range(1, count + 1)))
                print('prep wrote', count, 'rows')
                """.formatted(prepExit, prepExit));
        write(project, "train/train.py", """
                import os, sys
                table, model = sys.argv[1], sys.argv[2]
                rows = [int(line) for line in open(os.path.join(table, 'table.csv'))]
                total = sum(rows)
                print('train sum', total)
                with open(os.path.join(model, 'model.txt'), 'w') as f:
                    f.write('sum=%d\\n' % total)
                """);
        write(project, "other/other.py", """
                import os, sys, time
                time.sleep(%d)
                open(os.path.join(sys.argv[1], 'done.txt'), 'w').write('done')
                print('other ran')
                """.formatted(otherSeconds));
        write(project, "report/report.py", "import os, sys\nprint('report read', open(os.path.join(sys.argv[1], 'done.txt')).read())\n");
        return write(project, "pipeline.yml", """
                type: pipeline
                experiment_name: pipe-it
                display_name: sum-pipeline
                settings:
                  continue_on_step_failure: %s
                inputs:
                  count: 4
                jobs:
                  prep:
                    type: command
                    code: prep
                    command: python prep.py ${{inputs.count}} ${{outputs.table}}
                    inputs:
                      count: ${{parent.inputs.count}}
                    outputs:
                      table: {type: uri_folder}
                    environment: {image: %s}
                  train:
                    type: command
                    code: train
                    command: python train.py ${{inputs.table}} ${{outputs.model}}
                    inputs:
                      table: ${{parent.jobs.prep.outputs.table}}
                    outputs:
                      model: {type: uri_folder}
                    environment: {image: %s}
                  other:
                    type: command
                    code: other
                    command: python other.py ${{outputs.flag}}
                    outputs:
                      flag: {type: uri_folder}
                    environment: {image: %s}
                  report:
                    type: command
                    code: report
                    command: python report.py ${{inputs.flag}}
                    inputs:
                      flag: ${{parent.jobs.other.outputs.flag}}
                    environment: {image: %s}
                """.formatted(continueOnStepFailure, image, image, image, image));
    }
}
