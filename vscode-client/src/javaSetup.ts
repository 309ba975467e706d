// Finds the server's Java with the user's settings, says in the output channel which one and why, and when there is
// none, shows one notification that offers a JDK download page and the setting.
import * as vscode from 'vscode';
import { describeJava, findJava, JavaRuntime, JDK_DOWNLOAD_URL, RequirementsError } from './requirements';

export const GET_A_JDK = 'Get a JDK';
export const OPEN_SETTING = 'Open setting';

export async function resolveJava(extensionPath: string, log: vscode.OutputChannel): Promise<JavaRuntime> {
    const settings = vscode.workspace.getConfiguration();
    try {
        const found = await findJava({ settingHome: settings.get<string | null>('azureml.java.home'),
            redHatHome: settings.get<string | null>('java.jdt.ls.java.home'), env: process.env, extensionPath });
        log.appendLine(describeJava(found));
        return found.runtime;
    } catch (e) {
        if (e instanceof RequirementsError) {
            log.appendLine(e.message);
            // Not awaited: the notification stays until the user answers, and activation must not wait for that.
            void vscode.window.showErrorMessage(e.message, GET_A_JDK, OPEN_SETTING).then(choice => {
                if (choice === GET_A_JDK) {
                    void vscode.env.openExternal(vscode.Uri.parse(JDK_DOWNLOAD_URL));
                } else if (choice === OPEN_SETTING) {
                    void vscode.commands.executeCommand('workbench.action.openSettings', 'azureml.java.home');
                }
            });
        }
        throw e;
    }
}
