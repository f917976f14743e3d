import { css } from 'lit';

/**
 * Panel styles: only VS Code theme variables, so light, dark and high contrast all follow. Borders
 * fall back to the contrast border, which only high-contrast themes set. State is never colour
 * alone: every coloured state also has an icon and words.
 */
export const panelStyles = css`
  :host { display: block; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  mge-app, :host(mge-app) { height: 100%; }
  .panel { display: flex; flex-direction: column; gap: 8px; padding: 8px; height: 100%; box-sizing: border-box; }
  .messages { list-style: none; margin: 0; padding: 0; flex: 1; min-height: 0; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
  .message .bubble { display: flex; gap: 6px; align-items: flex-start; padding: 6px 8px; border-radius: 4px; }
  .message.user .bubble { background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, var(--vscode-contrastBorder, transparent)); }
  .message .text { white-space: pre-wrap; word-break: break-word; }
  .muted { color: var(--vscode-descriptionForeground); }
  .empty { padding: 8px; }
  .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .conversations { flex-wrap: nowrap; }
  .conversation-select { flex: 1; min-width: 0; }
  .composer { display: flex; flex-direction: column; gap: 6px; }
  .composer-input { width: 100%; }
  .composer vscode-button { align-self: flex-end; }
  .banner, .notice, .note { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; padding: 6px 8px; border-radius: 4px; margin: 0;
    background: var(--vscode-inputValidation-infoBackground); border: 1px solid var(--vscode-inputValidation-infoBorder, var(--vscode-contrastBorder, transparent)); }
  .notice.rejected, .notice.error, .error, .problems { background: var(--vscode-inputValidation-errorBackground);
    border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-contrastBorder, transparent)); padding: 6px 8px; border-radius: 4px; margin: 0; }
  .error { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
  .notice > span, .error > span { flex: 1 1 180px; }
  .apply-result { display: block; }
  .apply-result p { margin: 0; }

  .run { margin: 6px 0 0 18px; padding: 6px 8px; border-left: 2px solid var(--vscode-textLink-foreground); display: flex; flex-direction: column; gap: 6px; }
  .run-head { display: flex; gap: 6px; align-items: center; }
  .run-title { font-weight: 600; flex: 1; }
  .run-status { font-size: 0.9em; }
  .tone-ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
  .tone-warning { color: var(--vscode-editorWarning-foreground); }
  .tone-error { color: var(--vscode-errorForeground); }
  .stages { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .stage { display: flex; gap: 4px; align-items: center; }
  .stage.interrupted, .stage.stopped { color: var(--vscode-editorWarning-foreground); }
  .stage.failed { color: var(--vscode-errorForeground); }
  .card { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); border-radius: 4px; padding: 4px 8px; }
  details > summary { cursor: pointer; padding: 2px 0; }
  details > summary vscode-icon { vertical-align: text-bottom; }
  .md { font-size: 0.95em; max-height: 360px; overflow: auto; }
  .md h4, .md h5, .md h6 { margin: 8px 0 4px; }
  .md p { margin: 4px 0; }
  .md ul { margin: 2px 0; padding-left: 18px; }
  code, .md pre { font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
  code { background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
  .md pre { background: var(--vscode-textCodeBlock-background); padding: 6px; overflow: auto; }
  .plan-tree { margin: 4px 0; }

  .waves { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
  .wave { display: grid; grid-template-columns: 60px 1fr; gap: 0 8px; align-items: center; }
  .wave-counts { grid-column: 2; display: flex; flex-wrap: wrap; gap: 2px 10px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
  .wave-counts span, .atom-counts span { display: inline-flex; gap: 3px; align-items: center; }
  .failed { color: var(--vscode-errorForeground); }
  .atom-counts { display: flex; flex-wrap: wrap; gap: 2px 6px; margin: 0; }
  .failed-atoms ul, .files ul, .apply-result ul { margin: 4px 0; padding-left: 18px; }
  .pause, .slowdown { display: flex; gap: 6px; align-items: center; margin: 0; color: var(--vscode-editorWarning-foreground); }
  .countdown { font-variant-numeric: tabular-nums; }
  .cost { display: flex; gap: 6px; align-items: center; margin: 0; }
  .summary h4 { margin: 4px 0; display: flex; gap: 6px; align-items: center; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
  .facts dt { color: var(--vscode-descriptionForeground); }
  .facts dd { margin: 0; }
  .levels ul { margin: 0; padding: 0; list-style: none; }
  .levels .skip-reasons li { padding-left: 1em; text-indent: -1em; }
  .outcome { margin: 0; }

  .plan-editor { display: flex; flex-direction: column; gap: 8px; border-top: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding-top: 8px; }
  .plan-editor h4 { margin: 0; display: flex; gap: 6px; align-items: center; }
  .plan-editor p { margin: 0; }
  .problems ul { margin: 4px 0 0; padding-left: 18px; }
  .phase { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); border-radius: 4px; padding: 6px 8px; margin: 0;
    display: flex; flex-direction: column; gap: 4px; align-items: stretch; }
  .phase > vscode-button { align-self: flex-start; }
  .phase legend { font-weight: 600; padding: 0 4px; }
  .task { border-left: 2px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); padding-left: 6px; }
  .task.has-problems { border-left-color: var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); }
  .task-id { font-weight: 600; font-family: var(--vscode-editor-font-family); }
  .problem-flag { display: inline-flex; gap: 3px; align-items: center; color: var(--vscode-errorForeground); margin-left: 6px; }
  .task-form, .add-task { display: flex; flex-direction: column; gap: 4px; padding: 4px 0 8px; }
  .task-form vscode-textfield, .task-form vscode-textarea, .task-form vscode-multi-select,
  .add-task vscode-textfield, .add-task vscode-textarea { width: 100%; }
  .field-label { font-size: 0.9em; color: var(--vscode-descriptionForeground); margin-top: 4px; }
  .task-problems { margin: 0; padding-left: 0; list-style: none; color: var(--vscode-errorForeground); }
  .task-files { margin: 0; padding-left: 0; list-style: none; }
  .task-files li { display: flex; gap: 4px; align-items: center; }
  .add-task { border: 1px dashed var(--vscode-focusBorder); border-radius: 4px; padding: 6px 8px; }
  .editor-actions { position: sticky; bottom: 0; background: var(--vscode-sideBar-background, var(--vscode-editor-background)); padding: 4px 0; }

  .context-entries { list-style: none; margin: 2px 0 4px; padding-left: 8px; }
  .context-entries li { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; }
  .context-link { background: none; border: none; padding: 0; font: inherit; color: var(--vscode-textLink-foreground); cursor: pointer;
    display: inline-flex; gap: 4px; align-items: center; font-family: var(--vscode-editor-font-family); word-break: break-all; text-align: left; }
  .context-link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
  .context-task { margin-left: 8px; }
  .context-scope { margin: 2px 0 0 8px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }

  :focus-visible, summary:focus-visible, .run-message:focus, .apply-result:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
`;
