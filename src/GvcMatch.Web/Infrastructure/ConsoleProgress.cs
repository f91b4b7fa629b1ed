namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// A progress bar for the command line: <c>[#####-----] 120/400</c> rewritten in place on a
/// terminal, and a plain line every few seconds when the output goes to a file or a CI log.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool interactive)
{
    private const int Width = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);
    private DateTime _lastPlain = DateTime.MinValue;
    private int _lastDone = -1;

    public static ConsoleProgress ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    public void Report(int done, int total)
    {
        if (done == _lastDone || total == 0) return;
        _lastDone = done;
        if (interactive)
        {
            output.Write("\r" + Bar(done, total));
            if (done >= total) output.WriteLine();
            return;
        }
        var now = DateTime.UtcNow;
        if (done < total && now - _lastPlain < PlainInterval) return;
        _lastPlain = now;
        output.WriteLine(Bar(done, total));
    }

    public static string Bar(int done, int total)
    {
        var filled = total <= 0 ? Width : (int)((long)Width * Math.Clamp(done, 0, total) / total);
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total}";
    }
}
