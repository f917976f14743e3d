import { css } from 'lit';

/** Panel styles: only VS Code theme variables, so light, dark and high contrast all follow. */
export const panelStyles = css`
  :host { display: block; height: 100%; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  .panel { display: flex; flex-direction: column; gap: 8px; padding: 8px; height: 100%; box-sizing: border-box; }
  .messages { list-style: none; margin: 0; padding: 0; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
  .message .bubble { display: flex; gap: 6px; align-items: flex-start; padding: 6px 8px; border-radius: 4px; }
  .message.user .bubble { background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); }
  .message .text { white-space: pre-wrap; word-break: break-word; }
  .muted { color: var(--vscode-descriptionForeground); }
  .empty { padding: 8px; }
  .composer { display: flex; flex-direction: column; gap: 6px; }
  .composer-input { width: 100%; }
  .composer vscode-button { align-self: flex-end; }
  .banner, .notice { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; padding: 6px 8px; border-radius: 4px;
    background: var(--vscode-inputValidation-infoBackground); border: 1px solid var(--vscode-inputValidation-infoBorder, transparent); }
  .notice.rejected, .notice.error, .error { background: var(--vscode-inputValidation-errorBackground); border: 1px solid var(--vscode-inputValidation-errorBorder, transparent); padding: 6px 8px; border-radius: 4px; }
  .run { margin: 6px 0 0 18px; padding: 6px 8px; border-left: 2px solid var(--vscode-textLink-foreground); display: flex; flex-direction: column; gap: 4px; }
  .run-head { display: flex; gap: 6px; align-items: center; }
  .run-title { font-weight: 600; flex: 1; }
  .stages { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .card summary { cursor: pointer; }
  .md { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: 0.9em; max-height: 300px; overflow: auto;
    background: var(--vscode-textCodeBlock-background); padding: 6px; }
  .wave { display: grid; grid-template-columns: 60px 1fr; gap: 2px 8px; align-items: center; }
  .wave .muted { grid-column: 2; font-size: 0.9em; }
  .pause { color: var(--vscode-editorWarning-foreground); }
  :focus-visible { outline: 1px solid var(--vscode-focusBorder); }
`;
