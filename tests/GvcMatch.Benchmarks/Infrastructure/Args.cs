using System.Globalization;

namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>The command line: a command name followed by <c>--name value</c> options.</summary>
public sealed class Args(string command, IReadOnlyDictionary<string, string> options)
{
    public string Command { get; } = command;

    public static Args Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i][2..]] = hasValue ? args[++i] : "true";
        }
        return new Args(args.Length > 0 ? args[0].ToLowerInvariant() : "", options);
    }

    public string Text(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;

    public string Required(string name) =>
        options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => options.TryGetValue(name, out var v) && v != "false";
}
