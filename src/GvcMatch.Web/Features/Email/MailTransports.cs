using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Email;

/// <summary>Hands one email to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(EmailOutboxEntry email, CancellationToken ct);
}

/// <summary>Sends through the SMTP server named by <c>Email:Smtp:Host</c>.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(EmailOutboxEntry email, CancellationToken ct)
    {
        var o = options.Value;
        using var message = new MailMessage(MailAddress.TryCreate(o.From, out var from) ? from : throw new InvalidOperationException("Email:From is invalid."),
            new MailAddress(email.To))
        {
            Subject = email.Subject,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        // SmtpClient is not safe to share between concurrent sends; one per email keeps it simple.
        using var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
        {
            EnableSsl = o.Smtp.EnableSsl,
            Timeout = (int)o.Smtp.Timeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (o.Smtp.UserName is not null) client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>
/// The embedded mode's "mail server": each email is appended to <c>{data folder}/mail/outbox.log</c>,
/// so a developer reads what would have been sent without any server installed.
/// </summary>
public sealed class LogFileMailTransport(string path, IOptions<EmailOptions> options, TimeProvider clock) : IMailTransport
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path { get; } = path;

    public async Task SendAsync(EmailOutboxEntry email, CancellationToken ct)
    {
        var text = new StringBuilder()
            .Append("----- ").Append(clock.GetUtcNow().ToString("O")).Append(" #").Append(email.Id).Append('\n')
            .Append("From: ").Append(options.Value.From).Append('\n')
            .Append("To: ").Append(email.To).Append('\n')
            .Append("Subject: ").Append(email.Subject).Append('\n')
            .Append('\n').Append(email.TextBody.ReplaceLineEndings("\n")).Append("\n\n")
            .ToString();
        await _gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await File.AppendAllTextAsync(Path, text, Encoding.UTF8, ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
