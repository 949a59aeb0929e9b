import { defineStrings } from "../i18n/defineStrings.ts";

export const storageStrings = defineStrings(
  {
    setAside:
      "Some saved data could not be read ({what}), so the lab started without it. Nothing was deleted.",
    progress: "lesson progress",
    settings: "settings",
    download: "Download it",
    dismiss: "Dismiss",
  },
  {
    setAside:
      "保存されていたデータの一部 ({what}) を読み込めなかったため、それを使わずに起動しました。削除はしていません。",
    progress: "レッスンの進捗",
    settings: "設定",
    download: "ダウンロード",
    dismiss: "閉じる",
  },
);
