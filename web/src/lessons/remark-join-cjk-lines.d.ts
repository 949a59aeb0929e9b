// The package ships plain CommonJS without types: a plugin factory returning an mdast transformer.
declare module "remark-join-cjk-lines" {
  import type { Root } from "mdast";
  export default function remarkJoinCjkLines(): (tree: Root) => void;
}
