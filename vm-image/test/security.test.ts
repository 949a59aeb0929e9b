// Capabilities and seccomp.
import { describe, expect, it } from "vitest";
import { sh, shAny, useGuest } from "./guest.ts";

describe("security", () => {
  const guest = useGuest();

  it("capsh --decode names root's effective capabilities; student has none", async () => {
    const root = await sh(guest(), "capsh --decode=$(awk '/CapEff/ {print $2}' /proc/self/status)");
    expect(root).toMatch(/cap_sys_admin/);
    expect(root).toMatch(/cap_net_admin/);
    const student = await sh(guest(), "su -s /bin/sh student -c 'grep CapEff /proc/self/status'");
    expect(student.trim()).toBe("CapEff:\t0000000000000000");
  });

  it("setpriv drops capabilities for one command", async () => {
    const out = await sh(
      guest(),
      "setpriv --inh-caps=-all --bounding-set=-all grep CapBnd /proc/self/status",
    );
    expect(out.trim()).toBe("CapBnd:\t0000000000000000");
  });

  it("seccomp-run with a profile denying chmod makes chmod fail with EPERM", async () => {
    const denied = await shAny(guest(), "seccomp-run /usr/share/seccomp/deny-chmod.json -- chmod 777 /tmp");
    expect(denied.exit_code).not.toBe(0);
    expect(denied.stderr).toMatch(/Operation not permitted/);
    const status = await sh(
      guest(),
      "seccomp-run /usr/share/seccomp/deny-chmod.json -- grep -E 'Seccomp:|NoNewPrivs:' /proc/self/status",
    );
    expect(status).toMatch(/NoNewPrivs:\t1/);
    expect(status).toMatch(/Seccomp:\t2/);
    // Without the filter the same chmod works.
    expect((await shAny(guest(), "chmod 1777 /tmp")).exit_code).toBe(0);
  });
});
