using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StaticRuleCatalogCTests
{
    [Theory]
    [InlineData("int main() { system(\"ls\"); }", "c.process.spawn")]
    [InlineData("#define RUN system\nint main() { RUN(\"ls\"); }", "c.process.spawn")]
    [InlineData("int main() { std::system(\"ls\"); }", "c.process.spawn")]
    [InlineData("pid_t p = fork();", "c.process.spawn")]
    [InlineData("int (*run)(const char*) = system;", "c.process.spawn")]
    [InlineData("call_with(&system, \"ls\");", "c.process.spawn")]
    [InlineData("execl(\"/bin/sh\", \"sh\", NULL);", "c.process.spawn")]
    [InlineData("#include <sys/socket.h>", "c.network.headers")]
    [InlineData("getaddrinfo(\"evil.example\", \"80\", &h, &r);", "c.network.calls")]
    [InlineData("FILE* f = fopen(\"/etc/passwd\", \"r\");", "any.path.system-dir")]
    [InlineData("#include \"../sealed/answers.h\"", "any.path.parent")]
    [InlineData("#include \"/etc/passwd\"", "any.path.system-dir")]
    [InlineData("void* r = __builtin_return_address(0);", "c.introspect.stack")]
    [InlineData("_exit(0);", "c.exit.hard")]
    [InlineData("int clock_gettime(clockid_t c, struct timespec* t) { t->tv_sec = 0; return 0; }", "c.timer.definition")]
    [InlineData("#define clock_gettime fake_clock", "c.timer.override")]
    [InlineData("void* real = dlsym(RTLD_NEXT, \"clock_gettime\");", "c.timer.override")]
    [InlineData("__attribute__((constructor)) static void early(void) { }", "c.hook.constructor")]
    [InlineData("atexit(print_pass);", "c.hook.constructor")]
    [InlineData("bool operator==(const R& a, const R& b) { return true; }", "c.equality.always-true")]
    [InlineData("char* k = getenv(\"HOME\");", "c.env.read")]
    [InlineData("int main(int c, char** v, char** envp) { return 0; }", "c.env.read")]
    [InlineData("void* h = dlopen(\"libc.so.6\", RTLD_NOW);", "c.dynamic.loading")]
    [InlineData("mprotect(p, n, PROT_READ | PROT_WRITE | PROT_EXEC);", "c.dynamic.loading")]
    [InlineData("asm volatile(\"syscall\");", "c.process.inline-asm")]
    [InlineData("kill(getppid(), SIGKILL);", "c.process.signals")]
    [InlineData("signal(SIGTERM, SIG_IGN);", "c.process.ignore-termination")]
    [InlineData("setrlimit(RLIMIT_CPU, &r);", "c.process.limits")]
    [InlineData("const char* n = \"sys\" \"tem\";", "c.indirection.dangerous-name")]
    [InlineData("int fd = open(\"/dev/tty\", O_WRONLY); ioctl(fd, TIOCSTI, \"x\");", "any.terminal.tiocsti")]
    public void Scan_WhenCCandidateUsesCapability_ReportsRule(string code, string ruleId)
    {
        var findings = RuleScan.New(code, "kernel.cpp");

        Assert.True(findings.Ids().Contains(ruleId), $"expected {ruleId}; found:\n{findings.Describe()}");
        Assert.True(findings.Rejects(), $"expected a rejection; found:\n{findings.Describe()}");
    }

    [Theory]
    [InlineData("#include <stdio.h>\n#include <math.h>\nint main() { printf(\"%f\\n\", sqrt(2.0)); return 0; }")]
    [InlineData("const char* s = getenv(\"RATCHET_SEED\");")]
    [InlineData("for (int i = 0; i < n; ++i) acc += a[i] * b[i];")]
    [InlineData("// system(\"ls\") is forbidden\nint x = 0;")]
    [InlineData("struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);")]
    [InlineData("#define N 1024\nstatic double buf[N];")]
    [InlineData("std::vector<int> v(n); std::sort(v.begin(), v.end());")]
    public void Scan_WhenCCodeIsHonest_ReportsNothing(string code)
    {
        var findings = RuleScan.New(code, "kernel.c");

        Assert.True(findings.Count == 0, $"expected nothing; found:\n{findings.Describe()}");
    }
}
