// UI strings of author mode. Lesson lint messages stay in English, as the lesson engine's
// diagnostics do (they are compiler output for authors).
import { defineStrings } from "../i18n/defineStrings.ts";

export const authorStrings = defineStrings(
  {
    author: "Lesson author mode",
    authorSource: "Lesson source: {file}",
    preview: "Preview",
    download: "Download",
    saveToDisk: "Save to disk",
    savedToDisk: "Saved to {file}",
    downloaded: "Downloaded {file}",
    saveFailed: "Could not save: {detail}",
    authorNotFound: "There is no lesson file for chapter “{id}” in language “{language}”.",
    authorHelp:
      "Problems from the lesson checker appear as you type. Run buttons are inactive in the preview.",
    previewBrokenMeta: "The frontmatter has errors, so the preview shows the body only.",
    previewStep: "Step {n}: {title}",
    previewCheck: "Check",
    previewSolution: "Solution",
    previewHint: "Hint {n}",
    previewManual: "Reading step (no check)",
    previewChallenge: "Challenge: no run blocks; the solution shows after the student asks twice",
    previewChallengeAfter: "Challenge: no run blocks; the solution shows after {n} failed checks",
  },
  {
    author: "レッスン執筆モード",
    authorSource: "レッスンのソース: {file}",
    preview: "プレビュー",
    download: "ダウンロード",
    saveToDisk: "ディスクに保存",
    savedToDisk: "{file} に保存しました",
    downloaded: "{file} をダウンロードしました",
    saveFailed: "保存できませんでした: {detail}",
    authorNotFound: "章「{id}」の言語「{language}」のレッスンファイルはありません。",
    authorHelp:
      "レッスンチェッカーが見つけた問題は入力中に表示されます。プレビューの実行ボタンは動作しません。",
    previewBrokenMeta: "frontmatter にエラーがあるため、プレビューは本文のみです。",
    previewStep: "ステップ {n}: {title}",
    previewCheck: "チェック",
    previewSolution: "解答",
    previewHint: "ヒント {n}",
    previewManual: "読むだけのステップ (チェックなし)",
    previewChallenge: "チャレンジ: run ブロックなし。学習者が 2 回求めると解答を表示",
    previewChallengeAfter: "チャレンジ: run ブロックなし。チェックに {n} 回失敗すると解答を表示",
  },
);
