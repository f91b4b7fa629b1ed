namespace GvcMatch.E2E.Tests;

/// <summary>
/// A browser test: skipped with a visible reason when the system Chromium is missing, unless
/// GVCMATCH_REQUIRE_SERVICES=1 (CI), where a missing browser must fail rather than hide.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Why browser tests are skipped on this machine, or null when they run.</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("GVCMATCH_REQUIRE_SERVICES") == "1"
            ? null
            : $"{ChromiumPath} is not installed (apt-get install -y chromium); set GVCMATCH_REQUIRE_SERVICES=1 to fail instead.";

    public BrowserFactAttribute()
    {
        if (SkipReason is { } reason) Skip = reason;
    }
}
