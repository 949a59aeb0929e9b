import { defineStrings } from "../i18n/defineStrings.ts";

export const persistStrings = defineStrings(
  {
    menu: "Session",
    menuLabel: "Save, download or load your session",
    saving: "Saving your machine…",
    savedAt: "Machine saved at {time}",
    notSaved: "Your machine is saved automatically",
    quota:
      "Could not save your machine: the browser's storage is full. Free some space or download your session.",
    saveFailed: "Could not save your machine: {message}",
    "unhealthy.not-answering": "Not saved: the machine is not answering. Your last save is kept.",
    "unhealthy.command-running":
      "Not saved while a command is running in the terminal (finish it or press Ctrl-C). Your last save is kept.",
    "unhealthy.too-many-processes":
      "Not saved: the machine is flooded with processes (a fork bomb?). Your last save is kept.",
    "unhealthy.console-pids-limit":
      "Not saved: the processes in your terminal are multiplying up to their limit (a fork bomb?). echo 1 > /sys/fs/cgroup/console/cgroup.kill ends them all. Your last save is kept.",
    "unhealthy.lab-images-missing":
      "Not saved: podman lost the lab's images (podman system reset?) and they could not be put back. Your last save is kept.",
    saveNow: "Save now",
    backToSave: "Back to my last save ({time})",
    download: "Download my session",
    load: "Load a session…",
    loading: "Loading the session…",
    loaded: "Session loaded.",
    loadFailed: "Could not load the session: {message}",
    replaceWarning:
      "“{file}” (saved {sessionTime}) will replace the machine in this tab, your last save ({yours}) and your lesson progress. To keep them, download your own session first.",
    neverSaved: "none yet",
    noLoadHere: "This workshop station does not load session files: its records are of what was done here.",
    downloadFirst: "Download my session first",
    replace: "Replace them with this session",
    cancel: "Cancel",
    resumed: "Welcome back: your machine was restored as you left it ({time}).",
    resumeFailed:
      "Your saved machine could not be restored, so a fresh one was started. Your lesson progress is kept.",
    dismiss: "Dismiss",
    otherTab: "The lab is open in another tab, which keeps your saved machine. Nothing you do here is saved.",
    handedOver: "Your machine moved to another tab (saved first). Nothing you do here is saved.",
    takeOver: "Use this tab instead",
    takingOver: "Moving your machine here…",
    elsewhere: "Saved from the other tab, not this one",
  },
  {
    menu: "セッション",
    menuLabel: "セッションの保存・ダウンロード・読み込み",
    saving: "マシンを保存中…",
    savedAt: "{time} にマシンを保存しました",
    notSaved: "マシンは自動的に保存されます",
    quota:
      "マシンを保存できません: ブラウザのストレージが一杯です。空きを作るか、セッションをダウンロードしてください。",
    saveFailed: "マシンを保存できません: {message}",
    "unhealthy.not-answering": "保存していません: マシンが応答しません。前回の保存はそのまま残っています。",
    "unhealthy.command-running":
      "ターミナルでコマンドの実行中は保存しません (終わるのを待つか Ctrl-C を押してください)。前回の保存はそのまま残っています。",
    "unhealthy.too-many-processes":
      "保存していません: プロセスがあふれています (フォーク爆弾かもしれません)。前回の保存はそのまま残っています。",
    "unhealthy.console-pids-limit":
      "保存していません: 端末のプロセスが上限まで増え続けています (フォーク爆弾かもしれません)。echo 1 > /sys/fs/cgroup/console/cgroup.kill ですべて終了できます。前回の保存はそのまま残っています。",
    "unhealthy.lab-images-missing":
      "保存していません: podman からラボのイメージが消え（podman system reset？）、元に戻せませんでした。前回の保存はそのまま残っています。",
    saveNow: "今すぐ保存",
    backToSave: "最後の保存に戻る ({time})",
    download: "セッションをダウンロード",
    load: "セッションを読み込む…",
    loading: "セッションを読み込み中…",
    loaded: "セッションを読み込みました。",
    loadFailed: "セッションを読み込めません: {message}",
    replaceWarning:
      "「{file}」（{sessionTime} に保存）を読み込むと、このタブのマシン、最後の保存（{yours}）、レッスンの進捗が置き換わります。残しておくには、先に自分のセッションをダウンロードしてください。",
    neverSaved: "まだありません",
    noLoadHere:
      "このワークショップ端末ではセッションファイルを読み込めません。記録は、この端末で行った作業だけを残します。",
    downloadFirst: "先に自分のセッションをダウンロード",
    replace: "このセッションで置き換える",
    cancel: "キャンセル",
    resumed: "おかえりなさい。マシンを前回の状態に戻しました ({time})。",
    resumeFailed:
      "保存済みのマシンを復元できなかったため、新しいマシンを起動しました。レッスンの進捗は残っています。",
    dismiss: "閉じる",
    otherTab:
      "ラボは別のタブでも開かれていて、保存済みのマシンはそちらで管理されています。このタブでの作業は保存されません。",
    handedOver: "マシンは別のタブへ移りました (移る前に保存済み)。このタブでの作業は保存されません。",
    takeOver: "このタブで続ける",
    takingOver: "マシンをこのタブへ移しています…",
    elsewhere: "保存は別のタブで行われています",
  },
);
