using System.Text;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// The insert-or-ignore of stored embeddings. EF Core has no such operation, and SaveChanges on a
/// duplicate key fails the whole batch and logs the failure with its stack trace before anyone can
/// catch it. <c>INSERT ... ON CONFLICT (key) DO NOTHING</c> is the same statement on SQLite (3.24+)
/// and PostgreSQL; table, column names and value conversions come from the EF model, so the
/// statement stores exactly what SaveChanges would.
/// </summary>
internal static class EmbeddingRows
{
    /// <summary>Rows per statement: 6 parameters each, far below both providers' limits.</summary>
    public const int PerStatement = 100;

    private static readonly string[] Columns =
    [
        nameof(StoredEmbedding.Model), nameof(StoredEmbedding.TextHash), nameof(StoredEmbedding.Kind),
        nameof(StoredEmbedding.Dimensions), nameof(StoredEmbedding.Vector), nameof(StoredEmbedding.CreatedAt),
    ];

    public static (string Sql, object[] Parameters) InsertOrIgnore(AppDbContext db, IReadOnlyList<StoredEmbedding> rows)
    {
        var entity = db.Model.FindEntityType(typeof(StoredEmbedding))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Columns.Select(name => entity.FindProperty(name)!).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));

        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(") VALUES ");
        var parameters = new object[rows.Count * properties.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Count; c++)
            {
                var at = r * properties.Count + c;
                var value = properties[c].PropertyInfo!.GetValue(rows[r])!;
                // The provider's stored form: the enum's name, SQLite's sortable number for a time.
                parameters[at] = properties[c].GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
                text.Append(c == 0 ? "" : ", ").Append('{').Append(at).Append('}');
            }
            text.Append(')');
        }
        text.Append(" ON CONFLICT (").AppendJoin(", ", key).Append(") DO NOTHING");
        return (text.ToString(), parameters);
    }
}
