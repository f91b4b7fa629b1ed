using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Import;

namespace GvcMatch.Web.Commands;

/// <summary>
/// Operational commands that share the app's configuration:
/// <c>migrate</c> applies migrations; <c>seed</c> loads the demo data (idempotent);
/// <c>import FILE...</c> bulk-loads JSON files in the seeds format; <c>reindex</c> rebuilds the
/// search index from the database; <c>backup --out FOLDER</c> and <c>restore --from FOLDER [--force]</c>
/// copy the embedded mode's state.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["migrate", "seed", "import", "reindex", "backup", "restore"];

    public static bool TryGetCommand(string[] args, out string command)
    {
        command = args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase) ? args[0].ToLowerInvariant() : "";
        return command.Length > 0;
    }

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        var ct = app.Lifetime.ApplicationStopping;
        switch (command)
        {
            case "migrate":
                await DatabaseStartup.MigrateAsync(app.Services, ct);
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed":
                await DatabaseStartup.MigrateAsync(app.Services, ct);
                return await ImportCommand.SeedAsync(app.Services, ct);
            case "import":
                var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
                if (files.Length == 0)
                {
                    Console.Error.WriteLine("Usage: import FILE.json [FILE.json ...]");
                    return 2;
                }
                await DatabaseStartup.MigrateAsync(app.Services, ct);
                return await ImportCommand.ImportAsync(app.Services, files, ct);
            case "reindex":
                await DatabaseStartup.MigrateAsync(app.Services, ct);
                return await Features.Search.ReindexCommand.RunAsync(app.Services, ct);
            case "backup":
                return await Features.Operations.BackupCommand.RunAsync(
                    app.Services, Option(args, "--out"), Console.Out, Console.Error, !Console.IsOutputRedirected, ct);
            case "restore":
                return await Features.Operations.RestoreCommand.RunAsync(
                    app.Services, Option(args, "--from"), args.Contains("--force", StringComparer.OrdinalIgnoreCase), Console.Out, Console.Error, !Console.IsOutputRedirected, ct);
            default:
                return 2;
        }
    }

    /// <summary>The value of <c>--name VALUE</c> or <c>--name=VALUE</c>; null when absent.</summary>
    public static string? Option(string[] args, string name)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].Equals(name, StringComparison.OrdinalIgnoreCase)) return i + 1 < args.Length ? args[i + 1] : null;
            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)) return args[i][(name.Length + 1)..];
        }
        return null;
    }
}
