using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace GvcMatch.Web.Infrastructure;

/// <summary>Bound from the "DataProtection" section.</summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    public CertificateSettings Certificate { get; set; } = new();

    /// <summary>Production only: start without a certificate, keeping the keys readable in the database.</summary>
    public bool AllowUnencryptedKeys { get; set; }

    public sealed class CertificateSettings
    {
        /// <summary>A PKCS#12 (.pfx) file with an RSA key pair.</summary>
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}

/// <summary>
/// The data-protection keys (which sign cookies, bearer and refresh tokens) live in the database,
/// so anyone holding a database dump could forge a sign-in. In Production they are encrypted with
/// a certificate kept outside the database, and the app refuses to start without one unless
/// <c>DataProtection:AllowUnencryptedKeys</c> says the operator chose otherwise: a silent fallback
/// would be found out only after a dump leaked. Elsewhere (development, tests, the embedded demo)
/// the keys are stored unencrypted on purpose, and saying so to the key manager replaces its
/// start-up warning with that decision.
/// </summary>
public static class KeyEncryption
{
    public static IHostApplicationBuilder AddKeyEncryption(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        var dataProtection = builder.Services.AddDataProtection();
        if (!string.IsNullOrWhiteSpace(options.Certificate.Path))
        {
            dataProtection.ProtectKeysWithCertificate(Load(options.Certificate));
            return builder;
        }
        // Checked when the web host starts, not here: the commands (migrate, backup, ...) make no keys and
        // must keep working on a Production box whose certificate is mounted only into the web service.
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<KeyEncryptionOptions>().BindConfiguration(KeyEncryptionOptions.Section)
            .Validate(o => !production || o.AllowUnencryptedKeys,
                "Data-protection keys must be encrypted in Production: set DataProtection:Certificate:Path (a .pfx with an RSA key) " +
                "and DataProtection:Certificate:Password, or set DataProtection:AllowUnencryptedKeys=true to store them unencrypted in the database.")
            .ValidateOnStart();
        // The operator's opt-out in Production keeps the framework's warning at every new key (the encryptor
        // logs it when given the services); elsewhere the decision is made here, once, without it.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, services) =>
            o.XmlEncryptor = production ? new NullXmlEncryptor(services) : new NullXmlEncryptor());
        return builder;
    }

    private static X509Certificate2 Load(KeyEncryptionOptions.CertificateSettings settings)
    {
        var path = Path.GetFullPath(settings.Path!);
        if (!File.Exists(path)) throw new InvalidOperationException($"DataProtection:Certificate:Path: {path} does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.Password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"DataProtection:Certificate: {path} could not be read with the configured password ({ex.Message}).", ex);
        }
        using var key = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        if (key is null)
            throw new InvalidOperationException($"DataProtection:Certificate:Path: {path} holds no RSA private key; keys could be encrypted but never read back.");
        return certificate;
    }
}
