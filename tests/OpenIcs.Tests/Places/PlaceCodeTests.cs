using OpenIcs.Places;

namespace OpenIcs.Tests.Places;

public class PlaceCodeTests
{
    [Theory]
    [InlineData("E09000001", "E09000001")]
    [InlineData("E09000033", "E09000033")]
    [InlineData(" e09000012 ", "E09000012")]
    public void BoroughCode_accepts_London_local_authorities(string text, string expected)
    {
        Assert.True(BoroughCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("E09000000")] // one below the range
    [InlineData("E09000034")] // one above the range
    [InlineData("E08000012")] // a metropolitan district, not London
    [InlineData("E0900001")]
    [InlineData("E09O00001")]
    [InlineData("")]
    [InlineData(null)]
    public void BoroughCode_rejects_anything_else(string? text)
    {
        Assert.False(BoroughCode.TryParse(text, out var code));
        Assert.Equal(default, code);
        var error = Assert.Throws<FormatException>(() => BoroughCode.Parse(text));
        Assert.Equal($"'{text}' is not a London borough code (E09000001-E09000033).", error.Message);
    }

    [Theory]
    [InlineData("E54000027", true)]
    [InlineData("E54000031", true)]
    [InlineData("E38000001", false)]
    [InlineData("E5400002", false)]
    public void IcsCode_requires_E54_and_six_digits(string text, bool valid) =>
        Assert.Equal(valid, IcsCode.TryParse(text, out _));

    [Theory]
    [InlineData("E01000001", true)]
    [InlineData("E01033768", true)]
    [InlineData("E02000001", false)] // an MSOA
    [InlineData("W01000001", false)] // Wales
    public void LsoaCode_requires_E01_and_six_digits(string text, bool valid) =>
        Assert.Equal(valid, LsoaCode.TryParse(text, out _));

    [Theory]
    [InlineData("QMF", true)]
    [InlineData("r1h", true)]
    [InlineData("F84003", true)]
    [InlineData("U33392", true)]
    [InlineData("93C", true)]
    [InlineData("AB", false)] // too short
    [InlineData("ABCDEFGHIJK", false)] // too long
    [InlineData("123456", false)] // no letter
    [InlineData("F84-03", false)]
    public void OdsCode_is_3_to_10_letters_and_digits_with_a_letter(string text, bool valid) =>
        Assert.Equal(valid, OdsCode.TryParse(text, out _));

    [Fact]
    public void Default_codes_print_as_empty_text()
    {
        Assert.Equal("", default(BoroughCode).ToString());
        Assert.Null(default(OdsCode).Value);
    }
}

public class PracticePostcodesTests
{
    [Theory]
    [InlineData("E09000001;E09000012", "EC1A 7BE", "E09000001")]
    [InlineData("E09000012;E09000001", "E5 0PQ", "E09000012")]
    [InlineData("E09000020;E09000033", "W9 3RS", "E09000033")]
    [InlineData("E09000020;E09000033", "SW10 9NH", "E09000020")]
    [InlineData("E09000020;E09000033", "W10 5YG", null)]
    [InlineData("E09000020;E09000033", "SW1X 7JL", null)]
    [InlineData("E09000001;E09000012", "W2 1NY", null)]
    [InlineData("E09000001;E09000012", null, null)]
    public void A_practice_is_placed_only_when_its_postcode_district_settles_the_borough(string candidates, string? postcode, string? expected) =>
        Assert.Equal(expected, PracticePostcodes.BoroughWithin(candidates, postcode)?.Value);
}
