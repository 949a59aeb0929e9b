import { defineStrings } from "../i18n/defineStrings.ts";

export const offlineStrings = defineStrings(
  {
    update: "A new version of the lab is ready. Your progress and machine are kept.",
    reload: "Switch now",
    ready: "Works offline",
    readyTitle: "Everything the lab needs is saved in this browser: it works without a network.",
    preparing: "Getting ready for offline use…",
    preparingTitle:
      "The lab is saving its tools in this browser. Keep the network until this says “Works offline”.",
    notReady: "Not ready for offline use",
    notReadyTitle:
      "Saving the lab's tools in this browser failed ({message}): container commands need the network. A reload tries again.",
  },
  {
    update: "ラボの新しいバージョンを利用できます。進捗とマシンはそのまま残ります。",
    reload: "今すぐ切り替える",
    ready: "オフラインで使えます",
    readyTitle: "ラボに必要なものはすべてこのブラウザーに保存されています。ネットワークなしで動きます。",
    preparing: "オフライン用に準備中…",
    preparingTitle:
      "ラボのツールをこのブラウザーに保存しています。「オフラインで使えます」と表示されるまでネットワークを切らないでください。",
    notReady: "オフラインでは使えません",
    notReadyTitle:
      "ラボのツールをこのブラウザーに保存できませんでした ({message})。コンテナーのコマンドにはネットワークが必要です。再読み込みでもう一度試します。",
  },
);
