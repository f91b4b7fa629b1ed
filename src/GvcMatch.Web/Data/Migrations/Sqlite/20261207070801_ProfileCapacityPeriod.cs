using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProfileCapacityPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every capacity stated so far was a monthly figure (the field was "monthly capacity").
            migrationBuilder.AddColumn<string>(
                name: "CapacityPeriod",
                table: "Profiles",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CapacityPeriod",
                table: "Profiles");
        }
    }
}
