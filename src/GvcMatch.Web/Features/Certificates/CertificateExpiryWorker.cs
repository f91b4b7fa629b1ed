using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// Tells an SME 90, 30 and 0 days before a certificate's valid-until, and, the day after, the
/// buyers it has open bids or agreements with whose requirements ask for that certificate. Runs at
/// start and then every <see cref="CertificateOptions.ExpiryCheckInterval"/> on the app's clock.
/// Each notice is claimed with a row under a unique index in the same save as the notification and
/// its email, so a restart or a second app instance never sends it twice. A pass that was missed
/// (the app was down) sends only the latest notice due, and lapses older than
/// <see cref="CertificateOptions.LapseNoticeDays"/> are not announced.
/// </summary>
public sealed class CertificateExpiryWorker(IServiceScopeFactory scopes, IOptions<CertificateOptions> options, TimeProvider clock, ILogger<CertificateExpiryWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.ExpiryCheckInterval, clock, async ct =>
        {
            var sent = await RunOnceAsync(ct);
            if (sent > 0) logger.LogInformation("Sent {Count} certificate expiry notices", sent);
        }, logger, "Checking certificate expiry", stoppingToken);

    /// <summary>One pass over the certificates due today; returns the notices this pass claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var horizon = today.AddDays(CertificateExpiryNotice.Thresholds.Max());
        var earliest = today.AddDays(-options.Value.LapseNoticeDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var due = await db.Certifications.AsNoTracking()
            .Where(c => c.ValidUntil != null && c.ValidUntil <= horizon && c.ValidUntil >= earliest)
            .Join(db.Profiles, c => c.ProfileId, p => p.Id, (c, p) => new { Certificate = c, p.OrganizationId })
            .OrderBy(x => x.Certificate.Id).ToListAsync(ct);

        var sent = 0;
        foreach (var (certificate, sme) in due.Select(x => (x.Certificate, x.OrganizationId)))
        {
            var days = certificate.ValidUntil!.Value.DayNumber - today.DayNumber;
            if (days >= 0)
            {
                var threshold = CertificateExpiryNotice.Thresholds.Where(t => days <= t).Min();
                var members = await db.Users.Where(u => u.OrganizationId == sme).Select(u => u.Id).ToListAsync(ct);
                if (await ClaimAsync(db, notifier, Claim(certificate, threshold, sme), members, ToSme(certificate, days), ct)) sent++;
                continue;
            }
            // Lapsed (within the window): the buyers whose requirements ask for it.
            foreach (var audience in await CertificateLapseAudiences.FindAsync(db, sme, certificate, ct))
            {
                var buyers = await db.Users.Where(u => u.OrganizationId == audience.BuyerOrganizationId).Select(u => u.Id).ToListAsync(ct);
                var smeName = await db.Organizations.Where(o => o.Id == sme).Select(o => o.Name).FirstAsync(ct);
                var claim = Claim(certificate, CertificateExpiryNotice.Lapsed, audience.BuyerOrganizationId);
                if (await ClaimAsync(db, notifier, claim, buyers, ToBuyer(certificate, sme, smeName, audience), ct)) sent++;
            }
        }
        return sent;
    }

    private CertificateExpiryNotice Claim(Certification c, int threshold, int recipient) => new()
    {
        ProfileId = c.ProfileId, Certificate = CertificateExpiryNotice.KeyOf(c), ValidUntil = c.ValidUntil!.Value,
        Threshold = threshold, RecipientOrganizationId = recipient, SentAt = clock.GetUtcNow(),
    };

    /// <summary>
    /// Saves the claim with the notifications and emails, then pushes them. A claim already made (by
    /// an earlier pass, or by another instance a moment ago, which the unique index reports) sends nothing.
    /// </summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, Notifier notifier, CertificateExpiryNotice claim, IReadOnlyCollection<string> userIds,
        (string Title, string Body, string Link) note, CancellationToken ct)
    {
        var notices = db.Set<CertificateExpiryNotice>();
        if (await notices.AnyAsync(n => n.ProfileId == claim.ProfileId && n.Certificate == claim.Certificate && n.ValidUntil == claim.ValidUntil
                && n.Threshold == claim.Threshold && n.RecipientOrganizationId == claim.RecipientOrganizationId, ct))
            return false;
        notices.Add(claim);
        var staged = await notifier.StageAsync(db, userIds, NotificationKinds.CertificateExpiry, note.Title, note.Body, note.Link, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Claimed by another instance between the check and the save: nothing of this pass was stored.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        await notifier.PushAsync(staged);
        return true;
    }

    private static (string, string, string) ToSme(Certification c, int days)
    {
        var name = CertificationRequirement.Name(CertificateFacts.Held(c));
        // Whole sentences per count, so MessageTexts finds each one's translation (and "1 day" is singular).
        var title = days == 0 ? $"Your {name} certificate expires today"
            : Plurals.English(days, "Your {1} certificate expires in 1 day", "Your {1} certificate expires in {0} days", name);
        return (title,
            $"{name}{(c.Number is null ? "" : $" ({c.Number})")} is valid until {c.ValidUntil:yyyy-MM-dd}. From the day after, buyers' criteria no longer count it. " +
            "Enter the renewed certificate's dates on your profile and attach its document.",
            "/Account/Profile");
    }

    private static (string, string, string) ToBuyer(Certification c, int sme, string smeName, LapseAudience audience)
    {
        var name = CertificationRequirement.Name(CertificateFacts.Held(c));
        var titles = string.Join("; ", audience.Requirements.Select(r => r.Title));
        return ($"{smeName}'s {name} certificate has lapsed",
            Plurals.English(audience.Requirements.Count,
                "It was valid until {1}. Your requirement {2} asks for it; {3} has an open bid or an agreement with you.",
                "It was valid until {1}. Your requirements {2} ask for it; {3} has an open bid or an agreement with you.",
                $"{c.ValidUntil:yyyy-MM-dd}", titles, smeName),
            $"/Suppliers/{sme}");
    }
}
