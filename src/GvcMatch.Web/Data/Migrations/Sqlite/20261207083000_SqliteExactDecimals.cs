using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteExactDecimals : Migration
    {
        /// <summary>Every decimal column: money, quantities and shares, stored exactly from now on (MinorUnitsConverter).</summary>
        private static readonly (string Table, string Column)[] Columns =
        [
            ("Requirements", "Quantity"), ("Profiles", "MonthlyCapacity"), ("Profiles", "MinimumOrder"),
            ("OutcomeRecords", "Value"), ("Offer", "Quantity"), ("Offer", "Price"), ("ConsortiumMembers", "SharePercent"),
            ("BidSubcontractor", "SharePercent"), ("Bids", "Price"), ("BidAnswers", "Number"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written first because SQLite runs them first anyway: EF performs the table rebuilds that the
            // column changes below need at the end of the migration, after every SQL statement (listed
            // later, the statements ran before the rebuilds all the same and each one logged a
            // "rebuild pending" warning at start-up). The ten-thousandths are stored in the old REAL
            // columns as whole numbers and the rebuilds copy them into the INTEGER columns unchanged.
            foreach (var (table, column) in Columns)
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = CAST(ROUND(\"{column}\" * 10000) AS INTEGER) WHERE \"{column}\" IS NOT NULL;");

            migrationBuilder.AlterColumn<long>(
                name: "Quantity",
                table: "Requirements",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MonthlyCapacity",
                table: "Profiles",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "MinimumOrder",
                table: "Profiles",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Value",
                table: "OutcomeRecords",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Quantity",
                table: "Offer",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "Price",
                table: "Offer",
                type: "INTEGER",
                precision: 18,
                scale: 4,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AlterColumn<long>(
                name: "SharePercent",
                table: "ConsortiumMembers",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "SharePercent",
                table: "BidSubcontractor",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Price",
                table: "Bids",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Number",
                table: "BidAnswers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // First, for the same reason as in Up: the REAL columns are rebuilt after it.
            foreach (var (table, column) in Columns)
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = \"{column}\" / 10000.0 WHERE \"{column}\" IS NOT NULL;");

            migrationBuilder.AlterColumn<double>(
                name: "Quantity",
                table: "Requirements",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "MonthlyCapacity",
                table: "Profiles",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "MinimumOrder",
                table: "Profiles",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Value",
                table: "OutcomeRecords",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Quantity",
                table: "Offer",
                type: "REAL",
                precision: 18,
                scale: 4,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AlterColumn<double>(
                name: "Price",
                table: "Offer",
                type: "REAL",
                precision: 18,
                scale: 4,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AlterColumn<double>(
                name: "SharePercent",
                table: "ConsortiumMembers",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "SharePercent",
                table: "BidSubcontractor",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Price",
                table: "Bids",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<double>(
                name: "Number",
                table: "BidAnswers",
                type: "REAL",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

        }
    }
}
