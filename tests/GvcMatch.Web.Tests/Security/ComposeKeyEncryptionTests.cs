using System.Diagnostics;
using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Import;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Security;

/// <summary>
/// The compose stack stores its data-protection keys encrypted unless told otherwise: a one-shot
/// service makes a certificate in a volume the web instances mount, and the unencrypted switch is
/// off by default.
/// </summary>
public sealed partial class ComposeKeyEncryptionTests : IDisposable
{
    private const string Password = "compose-test-password";
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-compose-keys-").FullName;

    private static string Compose => File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));

    [Fact]
    public void TheStackAllowsUnencryptedKeysOnlyWhenAsked()
    {
        var allow = AllowSetting().Match(Compose);
        Assert.True(allow.Success, "docker-compose.yml no longer sets DataProtection__AllowUnencryptedKeys.");
        Assert.Equal("false", allow.Groups["default"].Value);
    }

    [Fact]
    public void TheInstancesReadTheCertificateTheInitServiceMakesInTheirSharedVolume()
    {
        var compose = Compose;
        var path = PathSetting().Match(compose);
        Assert.True(path.Success, "docker-compose.yml no longer gives DataProtection__Certificate__Path a default.");
        var folder = path.Groups["default"].Value[..path.Groups["default"].Value.LastIndexOf('/')];

        var app = Service(compose, "app");
        var mount = Regex.Match(app, @"- (?<volume>\w+):" + Regex.Escape(folder) + ":ro");
        Assert.True(mount.Success, $"The app service does not mount the certificate folder {folder} read-only.");
        Assert.Matches(@"dp-certificate:\s+condition: service_completed_successfully", app);

        var init = Service(compose, "dp-certificate");
        Assert.Contains($"- {mount.Groups["volume"].Value}:/keys", init, StringComparison.Ordinal);
        Assert.Contains("KEYS_DIR: /keys", init, StringComparison.Ordinal);
        Assert.Equal("dataprotection.pfx", Path.GetFileName(path.Groups["default"].Value));
    }

    [Fact]
    public async Task TheInitServiceMakesACertificateOnceThatAProductionAppEncryptsItsKeysWith()
    {
        await MakeCertificateAsync();
        var pfx = Path.Combine(_folder, "dataprotection.pfx");
        var made = await File.ReadAllBytesAsync(pfx);

        // A second start keeps the certificate: keys written under it need it.
        await MakeCertificateAsync();
        Assert.Equal(made, await File.ReadAllBytesAsync(pfx));

        await using var app = new LoggedApp(new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["DataProtection:AllowUnencryptedKeys"] = "false",
            ["DataProtection:Certificate:Path"] = pfx,
            ["DataProtection:Certificate:Password"] = Password,
            ["Email:LinkBaseUrl"] = "https://gvcmatch.example",
        });
        await app.SignUpAsync(OrganizationKind.Sme);
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    /// <summary>Runs the init service's script with this machine's openssl, as the container runs it.</summary>
    private async Task MakeCertificateAsync()
    {
        var start = new ProcessStartInfo("sh", [Path.Combine(RepoPaths.Root, "deploy", "dp-certificate", "make-certificate.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KEYS_DIR"] = _folder;
        start.Environment["DP_CERTIFICATE_PASSWORD"] = Password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
    }

    /// <summary>A service's block: from its name at two spaces' indent to the next line at that indent.</summary>
    private static string Service(string compose, string name)
    {
        var match = Regex.Match(compose, $@"^  {Regex.Escape(name)}:\n(?<body>(?:(?:    .*)?\n)+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"docker-compose.yml has no {name} service.");
        return match.Groups["body"].Value;
    }

    [GeneratedRegex("""DataProtection__AllowUnencryptedKeys:\s*"?\$\{DP_ALLOW_UNENCRYPTED_KEYS:-(?<default>\w+)\}"?""")]
    private static partial Regex AllowSetting();

    [GeneratedRegex("""DataProtection__Certificate__Path:\s*"?\$\{DP_CERTIFICATE_PATH-(?<default>/[^}"]+)\}"?""")]
    private static partial Regex PathSetting();

    public void Dispose() => GvcMatchApp.DeleteFolder(_folder);
}
