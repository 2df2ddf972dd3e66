using OpenIcs.Synthetic;

namespace OpenIcs.Tests.Synthetic;

public class RandomStreamTests
{
    [Fact]
    public void The_same_seed_entity_and_purpose_replay_the_same_draws_and_another_purpose_does_not()
    {
        var a = RandomStream.For(42, 1234, Purpose.Conditions);
        var b = RandomStream.For(42, 1234, Purpose.Conditions);
        var c = RandomStream.For(42, 1234, Purpose.Mortality);
        var d = RandomStream.For(43, 1234, Purpose.Conditions);
        var first = Enumerable.Range(0, 5).Select(_ => a.NextBits()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextBits()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => c.NextBits()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => d.NextBits()).ToArray());
    }

    [Fact]
    public void Uniform_normal_and_Poisson_draws_have_their_textbook_moments()
    {
        var random = RandomStream.For(7, 0, Purpose.Care);
        const int N = 200_000;
        double uniform = 0, normal = 0, normalSquares = 0, poisson = 0, big = 0;
        for (var i = 0; i < N; i++)
        {
            uniform += random.NextDouble();
            var z = random.Normal();
            normal += z;
            normalSquares += z * z;
            poisson += random.Poisson(2.5);
            big += random.Poisson(60);
        }

        Assert.InRange(uniform / N, 0.497, 0.503);
        Assert.InRange(normal / N, -0.01, 0.01);
        Assert.InRange(normalSquares / N, 0.985, 1.015);
        Assert.InRange(poisson / N, 2.48, 2.52);
        Assert.InRange(big / N, 59.8, 60.2);
    }

    [Fact]
    public void Random_rounding_keeps_the_expected_total()
    {
        var random = RandomStream.For(1, 2, Purpose.Plan);
        long total = 0;
        for (var i = 0; i < 100_000; i++)
            total += random.Round(2.3);
        Assert.InRange(total, 229_000, 231_000);
    }
}
