using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GvcMatch.Web.Data;

/// <summary>
/// Stores a <see cref="decimal"/> on SQLite as a whole number of ten-thousandths in an INTEGER
/// column. SQLite has no decimal type: REAL turned 0.1 + 0.2 into 0.30000000000000004, and TEXT
/// would be exact but compares as text ("10" before "9") and SQLite sums it as REAL again. Integers
/// are exact, order and compare as numbers, and SUM stays exact, so queries that sort, filter or
/// add money and quantities keep working in SQL. Four places is the precision offers already have
/// on PostgreSQL (numeric(18,4)); a 64-bit integer then holds amounts up to about 922 trillion.
/// A fifth decimal place is rounded half away from zero.
/// </summary>
public sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(v => ToMinorUnits(v), v => FromMinorUnits(v))
{
    public const int Scale = 4;
    private const decimal Factor = 10_000m;

    public static long ToMinorUnits(decimal value) => decimal.ToInt64(decimal.Round(value * Factor, 0, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Reads the value back without trailing zeros (0.3, not 0.3000), as it was written: decimal
    /// division keeps the divisor's scale, and dividing by 1.000… with more places strips it again.
    /// </summary>
    public static decimal FromMinorUnits(long value) => value / Factor / 1.0000000000000000000000000000m;
}
