/* drivers/qemu_accel.c: what "accel: auto" means here. /dev/kvm is used only when it can really
 * run our guest (DESIGN.md: a software-only kvm module exists); otherwise TCG. */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qemu_int.h"

/* Can /dev/kvm really run a guest? Opening it is not enough: a kvm module without hardware
 * virtualisation (or a software stand-in) may accept KVM_CREATE_VM and still be unable to run a
 * vCPU. So run one: a 4 KiB real-mode guest whose first instruction is HLT must exit with
 * KVM_EXIT_HLT. Done in a child with a deadline, so a module that hangs KVM_RUN cannot hang us. */
static int kvm_run_hlt(void)
{
        struct kvm_userspace_memory_region region = { .slot = 0, .guest_phys_addr = 0x1000,
                                                       .memory_size = 0x1000 };
        struct kvm_sregs sregs;
        struct kvm_regs regs = { .rip = 0x1000, .rflags = 0x2 };
        struct kvm_run *run;
        int kvm, vmfd, vcpu, mmap_size;
        uint8_t *mem;

        kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
        if (kvm < 0)
                return 1;
        if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
                return 2;
        vmfd = ioctl(kvm, KVM_CREATE_VM, 0);
        if (vmfd < 0)
                return 3;
        mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED)
                return 4;
        mem[0] = 0xf4;                  /* hlt */
        region.userspace_addr = (uintptr_t)mem;
        if (ioctl(vmfd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
                return 5;
        vcpu = ioctl(vmfd, KVM_CREATE_VCPU, 0);
        if (vcpu < 0)
                return 6;
        mmap_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
        if (mmap_size <= 0)
                return 7;
        run = mmap(NULL, (size_t)mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
        if (run == MAP_FAILED)
                return 8;
        if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
                return 9;
        sregs.cs.base = 0;
        sregs.cs.selector = 0;
        if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0 || ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
                return 10;
        if (ioctl(vcpu, KVM_RUN, 0) < 0)
                return 11;
        return run->exit_reason == KVM_EXIT_HLT ? 0 : 12;
}

/* Hardware KVM means the vendor module (kvm_intel / kvm_amd) on a CPU that advertises VT-x or
 * AMD-V. A software KVM (e.g. kvm_pvm, which runs only PVM-enabled guest kernels) passes the HLT
 * run above but cannot boot our stock kernel, so it must be told apart by what backs /dev/kvm. */
static int kvm_hw_backed(char *why, size_t why_len)
{
        bool intel = access("/sys/module/kvm_intel", F_OK) == 0, amd = access("/sys/module/kvm_amd", F_OK) == 0;
        bool vmx = false, svm = false;
        char line[4096];
        FILE *f;

        if (!intel && !amd) {
                if (access("/sys/module/kvm_pvm", F_OK) == 0)
                        return cc_why(why, why_len, -ENODEV, "/dev/kvm is kvm_pvm, a software KVM that "
                                       "runs only PVM-enabled guest kernels");
                return cc_why(why, why_len, -ENODEV, "/dev/kvm is not backed by kvm_intel or kvm_amd");
        }
        f = fopen("/proc/cpuinfo", "re");
        if (!f)
                return cc_why(why, why_len, -ENODEV, "/proc/cpuinfo: %s", strerror(errno));
        while (fgets(line, sizeof(line), f) && !vmx && !svm)
                if (!strncmp(line, "flags", 5)) {
                        vmx = strstr(line, " vmx") != NULL;
                        svm = strstr(line, " svm") != NULL;
                }
        fclose(f);
        if ((intel && !vmx) || (amd && !svm) || (!vmx && !svm))
                return cc_why(why, why_len, -ENODEV, "the CPU does not advertise %s",
                               intel ? "VT-x (vmx)" : "AMD-V (svm)");
        return 0;
}

static int kvm_usable(char *why, size_t why_len)
{
        static const char *const steps[] = { "ok", "cannot open /dev/kvm", "wrong KVM API version",
                "KVM_CREATE_VM failed", "mmap failed", "KVM_SET_USER_MEMORY_REGION failed",
                "KVM_CREATE_VCPU failed", "KVM_GET_VCPU_MMAP_SIZE failed", "vcpu mmap failed",
                "KVM_GET_SREGS failed", "KVM_SET_(S)REGS failed", "KVM_RUN failed",
                "a HLT guest did not exit with KVM_EXIT_HLT" };
        uint64_t deadline = mono_ns() + 3000000000ull;
        int status = 0;
        pid_t pid;

        if (access("/dev/kvm", R_OK | W_OK) < 0)
                return cc_why(why, why_len, -ENODEV, "/dev/kvm: %s", strerror(errno));
        if (kvm_hw_backed(why, why_len) < 0)
                return -ENODEV;
        pid = fork();
        if (pid < 0)
                return cc_why(why, why_len, -errno, "fork: %s", strerror(errno));
        if (pid == 0) {
                alarm(3);
                _exit(kvm_run_hlt());
        }
        /* The child's exit is the event (its pidfd turns readable); 3 s bound the wait. */
        int pidfd = qemu_pidfd_open(pid);
        for (;;) {
                pid_t r = waitpid(pid, &status, WNOHANG);
                if (r == pid)
                        break;
                if (r < 0 && errno != EINTR) {
                        if (pidfd >= 0)
                                close(pidfd);
                        return cc_why(why, why_len, -ECHILD, "waitpid: %s", strerror(errno));
                }
                int64_t left = ((int64_t)deadline - (int64_t)mono_ns()) / 1000000;
                if (left <= 0) {
                        kill(pid, SIGKILL);
                        waitpid(pid, &status, 0);
                        if (pidfd >= 0)
                                close(pidfd);
                        return cc_why(why, why_len, -ENODEV, "KVM_RUN of a HLT guest did not return");
                }
                if (pidfd >= 0) {
                        struct pollfd p = { .fd = pidfd, .events = POLLIN };
                        poll(&p, 1, (int)left);
                } else {
                        usleep(5000);   /* no pidfd (Linux < 5.3): no exit event to wait on */
                }
        }
        if (pidfd >= 0)
                close(pidfd);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
                return 0;
        if (WIFEXITED(status) && WEXITSTATUS(status) < (int)(sizeof(steps) / sizeof(steps[0])))
                return cc_why(why, why_len, -ENODEV, "/dev/kvm cannot run guests: %s",
                               steps[WEXITSTATUS(status)]);
        return cc_why(why, why_len, -ENODEV, "/dev/kvm cannot run guests: probe died (status %d)", status);
}

/* "auto" -> "kvm" when KVM really runs guests here, else "tcg". */
int qemu_resolve_accel(const char *want, char *out, size_t len, char *why, size_t why_len)
{
        char kwhy[160];

        if (!want || !*want || !strcmp(want, "auto")) {
                snprintf(out, len, "%s", kvm_usable(kwhy, sizeof(kwhy)) == 0 ? "kvm" : "tcg");
                return 0;
        }
        if (!strcmp(want, "tcg")) {
                snprintf(out, len, "tcg");
                return 0;
        }
        if (!strcmp(want, "kvm")) {
                int rc = kvm_usable(kwhy, sizeof(kwhy));
                if (rc)
                        return cc_why(why, why_len, rc, "accel kvm requested but %s", kwhy);
                snprintf(out, len, "kvm");
                return 0;
        }
        return cc_why(why, why_len, -EINVAL, "accel '%s' is not auto, kvm or tcg", want);
}
