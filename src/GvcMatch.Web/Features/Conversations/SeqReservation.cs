using System.Data.Common;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// Reserves sequence numbers for a batch's messages in every conversation it touches with one
/// statement: UPDATE ... FROM (the counts) ... RETURNING the new last numbers. One round trip
/// instead of an UPDATE and a SELECT per conversation, which with hundreds of conversations in a
/// burst was most of a batch's time on PostgreSQL. SQLite (3.35 and later) and PostgreSQL both
/// accept the same text; the row locks it takes are held until the caller's transaction ends.
/// </summary>
internal static class SeqReservation
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>Returns each conversation's last number after the reservation; a missing id is left out.</summary>
    public static async Task<Dictionary<long, long>> ReserveAsync(
        AppDbContext db, IReadOnlyList<(long ConversationId, int Count)> counts, DateTimeOffset now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(Conversation))!;
        var table = entity.GetTableName()!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        var (id, lastSeq, lastMessageAt) = (Column(nameof(Conversation.Id)), Column(nameof(Conversation.LastSeq)), Column(nameof(Conversation.LastMessageAt)));

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // A derived table of SELECTs rather than VALUES: SQLite cannot name the columns of VALUES.
        var rows = string.Join(" UNION ALL ", counts.Select((_, i) => $"SELECT @id{i} AS cid, @n{i} AS n"));
        command.CommandText =
            $"""UPDATE "{table}" SET "{lastSeq}" = "{lastSeq}" + v.n, "{lastMessageAt}" = @now FROM ({rows}) AS v WHERE "{table}"."{id}" = v.cid RETURNING "{table}"."{id}", "{table}"."{lastSeq}" """;
        for (var i = 0; i < counts.Count; i++)
        {
            Add(command, $"@id{i}", counts[i].ConversationId);
            Add(command, $"@n{i}", (long)counts[i].Count);
        }
        Add(command, "@now", db.Database.IsSqlite() ? SqliteTime.ConvertToProvider(now)! : now);

        var last = new Dictionary<long, long>(counts.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) last[reader.GetInt64(0)] = reader.GetInt64(1);
        return last;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
