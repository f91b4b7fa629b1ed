using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GvcMatch.Web.Data;

/// <summary>
/// The marketplace database. Each provider has a derived context
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) only so that each keeps
/// its own migration set; the model is the same. The clock stamps outbox rows (tests move it);
/// the signal wakes this instance's indexer once they are committed.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, TimeProvider clock, OutboxSignal outboxSignal)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<CapabilityProfile> Profiles => Set<CapabilityProfile>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<IpListing> IpListings => Set<IpListing>();
    public DbSet<Requirement> Requirements => Set<Requirement>();
    public DbSet<RequirementVersion> RequirementVersions => Set<RequirementVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IndexOutboxEntry> IndexOutbox => Set<IndexOutboxEntry>();
    public DbSet<Features.Embeddings.StoredEmbedding> Embeddings => Set<Features.Embeddings.StoredEmbedding>();
    public DbSet<Features.SavedSearches.SavedSearch> SavedSearches => Set<Features.SavedSearches.SavedSearch>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Questions.RequirementQuestion> RequirementQuestions => Set<Features.Questions.RequirementQuestion>();
    public DbSet<Features.Bids.Bid> Bids => Set<Features.Bids.Bid>();
    public DbSet<Features.Bids.BidAnswer> BidAnswers => Set<Features.Bids.BidAnswer>();
    public DbSet<Features.Bids.BidDocument> BidDocuments => Set<Features.Bids.BidDocument>();
    public DbSet<Features.Consortia.Consortium> Consortia => Set<Features.Consortia.Consortium>();
    public DbSet<Features.Consortia.ConsortiumMember> ConsortiumMembers => Set<Features.Consortia.ConsortiumMember>();
    public DbSet<Features.Consortia.GroupCertificate> GroupCertificates => Set<Features.Consortia.GroupCertificate>();
    public DbSet<Features.Awards.BidScore> BidScores => Set<Features.Awards.BidScore>();
    public DbSet<Features.Awards.Award> Awards => Set<Features.Awards.Award>();
    public DbSet<Features.Awards.Complaint> Complaints => Set<Features.Awards.Complaint>();
    public DbSet<Features.Awards.OutcomeRecord> OutcomeRecords => Set<Features.Awards.OutcomeRecord>();
    public DbSet<Features.Certificates.CertificationNameMapping> CertificationNameMappings => Set<Features.Certificates.CertificationNameMapping>();
    public DbSet<Features.Certificates.CertificateExpiryNotice> CertificateExpiryNotices => Set<Features.Certificates.CertificateExpiryNotice>();
    public DbSet<Features.SupportProgrammes.SupportProgramme> SupportProgrammes => Set<Features.SupportProgrammes.SupportProgramme>();
    public DbSet<Features.Consolidation.ConsolidationNotice> ConsolidationNotices => Set<Features.Consolidation.ConsolidationNotice>();
    public DbSet<Features.Consolidation.AffectedSupplier> AffectedSuppliers => Set<Features.Consolidation.AffectedSupplier>();

    /// <summary>
    /// Saves, and when the change touches anything searchable also writes the matching outbox
    /// rows in the same transaction: the index can lag the database but never miss a change.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Features.Certificates.CertificationNaming.ApplyMappingsAsync(this, cancellationToken);
        var touched = Features.Search.IndexOutbox.Collect(ChangeTracker);
        if (touched.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            IndexOutbox.AddRange(Features.Search.IndexOutbox.Rows(touched, clock.GetUtcNow()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            outboxSignal.Written();
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Features.Certificates.CertificationNaming.ApplyMappings(this);
        var touched = Features.Search.IndexOutbox.Collect(ChangeTracker);
        if (touched.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);

        using var ownTransaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        IndexOutbox.AddRange(Features.Search.IndexOutbox.Rows(touched, clock.GetUtcNow()));
        base.SaveChanges(acceptAllChangesOnSuccess);
        ownTransaction?.Commit();
        outboxSignal.Written();
        return count;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace?.StartsWith("GvcMatch.Web") == true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name: readable in both databases and safe to reorder in code.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, TimeProvider clock, OutboxSignal outboxSignal)
    : AppDbContext(options, clock, outboxSignal)
{
    /// <summary>For design-time tools and tests that open a context without the app's services.</summary>
    public SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : this(options, TimeProvider.System, new OutboxSignal()) { }

    /// <summary>
    /// EF's SQLite table rebuilds switch foreign keys off with a PRAGMA that cannot run in a transaction,
    /// and EF warns about that statement of its own at every start that applies a rebuilding migration
    /// (dotnet/efcore#35871): nothing in our migrations to act on. Our migrations never suppress a
    /// transaction themselves (ExactDecimalMigrationTests proves it), so the message is kept at Debug.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // SQLite cannot order or compare DateTimeOffset or decimal natively; store sortable numbers.
        // Decimals become exact integers of minor units (see MinorUnitsConverter for why not REAL or TEXT).
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<decimal>().HaveConversion<MinorUnitsConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, TimeProvider clock, OutboxSignal outboxSignal)
    : AppDbContext(options, clock, outboxSignal)
{
    /// <summary>For design-time tools and tests that open a context without the app's services.</summary>
    public PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : this(options, TimeProvider.System, new OutboxSignal()) { }
}
