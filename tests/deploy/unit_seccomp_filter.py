"""Run a Python script under the seccomp rules systemd 252 builds for our units (x86-64).

`python unit_seccomp_filter.py SCRIPT ARGS...` installs, then runs SCRIPT:
- SystemCallFilter=~@privileged @resources with SystemCallErrorNumber=EPERM: those calls fail
  with EPERM (the x86-64 numbers of the groups as systemd 252 defines them);
- MemoryDenyWriteExecute=yes: mmap() asking for writable and executable memory at once,
  mprotect()/pkey_mprotect() adding PROT_EXEC, and shmat() with SHM_EXEC fail with EPERM.
The filter is inherited by child processes (ffmpeg).
"""

from __future__ import annotations

import ctypes
import runpy
import struct
import sys

# `systemd-analyze syscall-filter @privileged @resources`, expanded, as x86-64 numbers.
DENIED = {
    "_sysctl": 156, "acct": 163, "adjtimex": 159, "bpf": 321, "capset": 126, "chown": 92,
    "chroot": 161, "clock_adjtime": 305, "clock_settime": 227, "delete_module": 176,
    "fanotify_init": 300, "fanotify_mark": 301, "fchown": 93, "fchownat": 260,
    "finit_module": 313, "init_module": 175, "ioperm": 173, "iopl": 172, "ioprio_set": 251,
    "kexec_file_load": 320, "kexec_load": 246, "lchown": 94, "mbind": 237, "migrate_pages": 256,
    "move_pages": 279, "nfsservctl": 180, "open_by_handle_at": 304, "pivot_root": 155,
    "quotactl": 179, "quotactl_fd": 443, "reboot": 169, "sched_setaffinity": 203,
    "sched_setattr": 314, "sched_setparam": 142, "sched_setscheduler": 144,
    "set_mempolicy": 238, "set_mempolicy_home_node": 450, "setdomainname": 171,
    "setfsuid": 122, "setgroups": 116, "sethostname": 170, "setpriority": 141,
    "setresuid": 117, "setreuid": 113, "setrlimit": 160, "settimeofday": 164, "setuid": 105,
    "swapoff": 168, "swapon": 167, "vhangup": 153,
}  # fmt: skip
SYS_MMAP, SYS_MPROTECT, SYS_SHMAT, SYS_PKEY_MPROTECT = 9, 10, 30, 329
PROT_WRITE, PROT_EXEC, SHM_EXEC = 0x2, 0x4, 0o100000

LD_W_ABS, JEQ_K, JSET_K, AND_K, RET_K = 0x20, 0x15, 0x45, 0x54, 0x06
RET_ALLOW, RET_EPERM = 0x7FFF0000, 0x00050000 | 1
NR, ARG2 = 0, 16 + 2 * 8  # offsets in struct seccomp_data (low 32 bits, little-endian)
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2

# (opcode, k, true target, false target); targets are labels, None means the next instruction.
Op = tuple[int, int, str | None, str | None]


def _program() -> list[Op]:
    ops: list[Op] = [(LD_W_ABS, NR, None, None)]
    ops += [(JEQ_K, number, "deny", None) for number in sorted(DENIED.values())]
    ops += [
        (JEQ_K, SYS_MMAP, None, "mprotect"),
        (LD_W_ABS, ARG2, None, None),
        (AND_K, PROT_WRITE | PROT_EXEC, None, None),
        (JEQ_K, PROT_WRITE | PROT_EXEC, "deny", "allow"),
        ("mprotect", 0, None, None),  # type: ignore[list-item]
        (JEQ_K, SYS_MPROTECT, "prot", None),
        (JEQ_K, SYS_PKEY_MPROTECT, "prot", "shmat"),
        ("prot", 0, None, None),  # type: ignore[list-item]
        (LD_W_ABS, ARG2, None, None),
        (JSET_K, PROT_EXEC, "deny", "allow"),
        ("shmat", 0, None, None),  # type: ignore[list-item]
        (JEQ_K, SYS_SHMAT, None, "allow"),
        (LD_W_ABS, ARG2, None, None),
        (JSET_K, SHM_EXEC, "deny", "allow"),
        ("deny", 0, None, None),  # type: ignore[list-item]
        (RET_K, RET_EPERM, None, None),
        ("allow", 0, None, None),  # type: ignore[list-item]
        (RET_K, RET_ALLOW, None, None),
    ]
    return ops


def assemble(ops: list[Op]) -> bytes:
    """BPF bytes; string opcodes are labels marking the next instruction."""
    labels: dict[str, int] = {}
    code: list[Op] = []
    for op in ops:
        if isinstance(op[0], str):
            labels[op[0]] = len(code)
        else:
            code.append(op)

    def offset(at: int, target: str | None) -> int:
        return 0 if target is None else labels[target] - at - 1

    return b"".join(
        struct.pack("HBBI", opcode, offset(i, jt), offset(i, jf), k) for i, (opcode, k, jt, jf) in enumerate(code)
    )


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install() -> None:
    code = assemble(_program())
    buffer = ctypes.create_string_buffer(code, len(code))
    fprog = _SockFprog(len(code) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "PR_SET_SECCOMP")


def write_execute_refused() -> bool:
    """True when an anonymous W+X mapping is refused."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
    address = libc.mmap(None, 4096, 0x1 | PROT_WRITE | PROT_EXEC, 0x02 | 0x20, -1, 0)
    return address in (None, ctypes.c_void_p(-1).value)


def resource_calls_refused() -> bool:
    """True when a call of @resources (setpriority) fails with EPERM instead of killing us."""
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.setpriority(0, 0, 0) == -1 and ctypes.get_errno() == 1


if __name__ == "__main__":
    install()
    if not (write_execute_refused() and resource_calls_refused()):
        sys.exit("the seccomp filter is not in force")
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
