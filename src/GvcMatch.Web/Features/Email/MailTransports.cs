using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Email;

/// <summary>Hands one email to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(EmailOutboxEntry email, CancellationToken ct);
}

/// <summary>Sends through the SMTP server named by <c>Email:Smtp:Host</c>, with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(EmailOutboxEntry email, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = email.Subject, Body = new TextPart(TextFormat.Plain) { Text = email.TextBody } };
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        // One client per email: MailKit's client is not safe to share between concurrent sends.
        using var client = new SmtpClient { Timeout = (int)o.Smtp.Timeout.TotalMilliseconds };
        // EnableSsl: TLS from the first byte on the submission port 465, STARTTLS elsewhere.
        var security = !o.Smtp.EnableSsl ? SecureSocketOptions.None : o.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.Smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), o.Smtp.Port, security, ct);
        if (o.Smtp.UserName is not null) await client.AuthenticateAsync(o.Smtp.UserName, o.Smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
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
