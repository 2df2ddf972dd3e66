using OpenIcs.Places;

namespace OpenIcs.Tests.Places;

/// <summary>A malformed reference file gives an error naming the file, the line and the column.</summary>
public sealed class ReferenceDataErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-reference-").FullName;

    public ReferenceDataErrorTests()
    {
        foreach (var file in Directory.GetFiles(LondonReferenceData.DefaultFolder, "*.csv"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void ReplaceLine(string file, int line, Func<string, string> change)
    {
        var path = Path.Combine(_folder, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = change(lines[line - 1]);
        File.WriteAllLines(path, lines);
    }

    [Fact]
    public void A_bad_borough_code_names_file_line_and_column()
    {
        ReplaceLine("london_boroughs.csv", 4, l => l.Replace("E09000003", "E09000099", StringComparison.Ordinal));

        var error = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));

        Assert.Equal("london_boroughs.csv line 4, column 'lad_code': 'E09000099' is not a London borough code (E09000001-E09000033).", error.Message);
        Assert.Equal((4, "lad_code"), (error.Line, error.Column));
    }

    [Fact]
    public void A_decile_out_of_range_is_reported_with_its_line()
    {
        ReplaceLine("london_imd2019_lsoa.csv", 3, l => string.Join(',', l.Split(',').Select((v, i) => i == 6 ? "11" : v)));

        var error = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));

        Assert.Equal("london_imd2019_lsoa.csv line 3, column 'imd_decile': 11 is outside the allowed range 1-10.", error.Message);
    }

    [Fact]
    public void A_non_numeric_count_is_reported()
    {
        ReplaceLine("london_population_census2021_lad_sex_age5.csv", 2, l => l[..l.LastIndexOf(',')] + ",many");

        var error = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));

        Assert.Equal("london_population_census2021_lad_sex_age5.csv line 2, column 'population_census2021': 'many' is not a whole number.", error.Message);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_reported()
    {
        ReplaceLine("london_nhs_trusts.csv", 5, l => l[..l.IndexOf(',', StringComparison.Ordinal)]);

        var error = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));

        Assert.StartsWith("london_nhs_trusts.csv line 5: the row cannot be read as CSV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_and_a_missing_file_are_named()
    {
        ReplaceLine("london_gp_practices.csv", 1, l => l.Replace("practice_code", "code", StringComparison.Ordinal));
        var missingColumn = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));
        Assert.Equal("london_gp_practices.csv line 1, column 'practice_code': this column is missing from the header.", missingColumn.Message);

        File.Delete(Path.Combine(_folder, "london_boroughs.csv"));
        var missingFile = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));
        Assert.StartsWith("london_boroughs.csv: the file is missing", missingFile.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_LSOA_in_an_unknown_borough_is_refused()
    {
        ReplaceLine("london_boroughs.csv", 2, l => l.Replace("E09000001", "E09000034", StringComparison.Ordinal));

        var error = Assert.Throws<ReferenceDataException>(() => LondonReferenceData.Load(_folder));

        Assert.Equal("london_boroughs.csv line 2, column 'lad_code': 'E09000034' is not a London borough code (E09000001-E09000033).", error.Message);
    }
}
