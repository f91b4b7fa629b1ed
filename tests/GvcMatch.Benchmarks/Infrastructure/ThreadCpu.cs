using System.Runtime.InteropServices;

namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>
/// CPU time of the calling thread (Linux), so a series can be judged by the work it did as well as
/// by wall-clock time, which other processes on a shared machine inflate.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Milliseconds of CPU this thread has used, or NaN where the clock is not available.</summary>
    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(ClockThreadCpuTime, out var ts) == 0 ? ts.Seconds * 1e3 + ts.Nanoseconds / 1e6 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code enabled.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
