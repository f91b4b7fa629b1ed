using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Operations;

/// <summary>The app with what it logs kept.</summary>
public sealed class LoggedApp(IReadOnlyDictionary<string, string>? settings = null) : GvcMatchApp(TestDatabase.Sqlite(), settings)
{
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}

public sealed class KeyEncryptionTests : IDisposable
{
    private const string CookieName = ".AspNetCore.Identity.Application";
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-keys-").FullName;

    /// <summary>A self-signed RSA certificate in a password-protected .pfx, as an operator would provide.</summary>
    private string NewCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        return path;
    }

    private static Dictionary<string, string> Production(string? certificate) => new()
    {
        ["environment"] = "Production",
        ["DataProtection:AllowUnencryptedKeys"] = "false",
        ["DataProtection:Certificate:Path"] = certificate ?? "",
        ["DataProtection:Certificate:Password"] = "pfx-password",
        ["Email:LinkBaseUrl"] = "https://gvcmatch.example",
    };

    private static async Task<HttpStatusCode> MeWithCookieAsync(GvcMatchApp app, string cookie)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={cookie}");
        return (await client.GetAsync("/api/auth/me")).StatusCode;
    }

    [Fact]
    public async Task InProductionTheKeysAreStoredEncryptedWithTheCertificateAndAnotherHostWithItReadsTheCookie()
    {
        var certificate = NewCertificate("gvcmatch-keys");
        await using var first = new LoggedApp(Production(certificate));
        var user = await first.SignUpAsync(OrganizationKind.Sme);
        var cookies = new System.Net.CookieContainer();
        using (var browser = first.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)))
            await CookieSignIn.SignInAsync(browser, user.Email, user.Password);
        var cookie = cookies.GetCookies(first.Server.BaseAddress)[CookieName]?.Value;
        Assert.False(string.IsNullOrEmpty(cookie), "The sign-in set no cookie.");

        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.DoesNotContain(first.Logs.Entries, e => e.Message.Contains("No XML encryptor configured"));

        await using var second = SecondInstance.Of(first, Production(certificate));
        Assert.Equal(HttpStatusCode.OK, await MeWithCookieAsync(second, cookie!));

        // The certificate is what unlocks the keys: a host with another one cannot read the cookie.
        await using var stranger = SecondInstance.Of(first, Production(NewCertificate("someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(stranger, cookie!));
    }

    [Fact]
    public async Task InProductionWithoutACertificateTheAppRefusesToStartAndSaysWhatToSet()
    {
        await using var app = new LoggedApp(Production(certificate: null));
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("DataProtection:Certificate:Path", messages);
        Assert.Contains("DataProtection:AllowUnencryptedKeys", messages);
    }

    [Fact]
    public async Task OutsideProductionKeysAreStoredWithoutTheNoEncryptorWarning()
    {
        await using var app = new LoggedApp();
        await app.SignUpAsync(OrganizationKind.Sme);

        Assert.NotEmpty(await app.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
        var warnings = app.Logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.Empty(warnings);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
    }

    public void Dispose() => GvcMatchApp.DeleteFolder(_folder);
}
