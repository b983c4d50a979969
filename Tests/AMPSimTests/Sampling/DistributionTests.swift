import Foundation
import Testing
@testable import AMPSim

/// Each family against its closed-form mean and variance, from 10^5 draws.
@Suite struct DistributionTests {
    static let draws = 100_000

    func moments(_ d: Distribution, seed: UInt64 = 1) -> (mean: Double, variance: Double, min: Double, max: Double) {
        let sampler = DistributionSampler(d)
        let stream = RandomStream(seed: seed)
        let xs = (0..<Self.draws).map { _ in sampler.sample(stream) }
        let sd = Statistics.standardDeviation(xs)
        return (Statistics.mean(xs), sd * sd, xs.min()!, xs.max()!)
    }

    /// |estimate - truth| within 5 standard errors of the mean.
    func expectMean(_ m: Double, _ truth: Double, variance: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let se = (variance / Double(Self.draws)).squareRoot()
        #expect(abs(m - truth) <= 5 * se + 1e-12, "mean \(m) vs \(truth)", sourceLocation: sourceLocation)
    }

    func expectRelative(_ x: Double, _ truth: Double, _ tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(x - truth) <= tolerance * abs(truth), "\(x) vs \(truth)", sourceLocation: sourceLocation)
    }

    @Test func constant() {
        let m = moments(.constant(42))
        #expect(m.mean == 42 && m.variance == 0)
    }

    @Test func uniform() {
        let m = moments(Distribution(.uniform(min: 2, max: 10)))
        expectMean(m.mean, 6, variance: 64.0 / 12)
        expectRelative(m.variance, 64.0 / 12, 0.02)
        #expect(m.min >= 2 && m.max < 10)
    }

    @Test func uniformInt() {
        let m = moments(Distribution(.uniformInt(min: 1, max: 6)))
        expectMean(m.mean, 3.5, variance: 35.0 / 12)
        expectRelative(m.variance, 35.0 / 12, 0.02)
        #expect(m.min == 1 && m.max == 6)
    }

    @Test func exponential() {
        let m = moments(Distribution(.exponential(mean: 3)))
        expectMean(m.mean, 3, variance: 9)
        expectRelative(m.variance, 9, 0.04)
    }

    @Test func lognormalMuSigma() {
        let mu = 1.0, sigma = 0.5
        let mean = exp(mu + sigma * sigma / 2)
        let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        let m = moments(Distribution(.lognormal(mu: mu, sigma: sigma, median: nil)))
        expectMean(m.mean, mean, variance: variance)
        expectRelative(m.variance, variance, 0.05)
    }

    @Test func lognormalMedianForm() throws {
        let s = try ScenarioLoader.load(text: "name: t\ngraph: {nodes: 10}\nworkload: {amount_sat: {lognormal: {median: 50000, sigma: 1.5}}}")
        guard case .lognormal(let mu, let sigma, let median) = s.workload.amountSat.family else { Issue.record("not lognormal"); return }
        #expect(abs(mu - log(50000)) < 1e-12 && sigma == 1.5 && median == 50000)
        let stream = RandomStream(seed: 2)
        let sampler = DistributionSampler(s.workload.amountSat)
        let xs = (0..<Self.draws).map { _ in sampler.sample(stream) }
        expectRelative(Statistics.quantile(xs, 0.5), 50000, 0.03)
    }

    @Test func pareto() {
        let scale = 2.0, shape = 5.0
        let mean = shape * scale / (shape - 1)
        let variance = scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2))
        let m = moments(Distribution(.pareto(scale: scale, shape: shape)))
        expectMean(m.mean, mean, variance: variance)
        expectRelative(m.variance, variance, 0.1)
        #expect(m.min >= scale)
    }

    @Test func normalAndTruncatedNormal() {
        let plain = moments(Distribution(.normal(mean: 10, sd: 2, min: nil, max: nil)))
        expectMean(plain.mean, 10, variance: 4)
        expectRelative(plain.variance, 4, 0.03)
        // Truncated to [0, inf) with mean 0, sd 1: half-normal, mean sqrt(2/pi), variance 1 - 2/pi.
        let half = moments(Distribution(.normal(mean: 0, sd: 1, min: 0, max: nil)))
        expectMean(half.mean, (2 / Double.pi).squareRoot(), variance: 1 - 2 / Double.pi)
        expectRelative(half.variance, 1 - 2 / Double.pi, 0.03)
        #expect(half.min >= 0)
    }

    @Test func choiceFrequenciesFollowWeights() {
        let sampler = DistributionSampler(Distribution(.choice(values: [30, 483], weights: [1, 3])))
        let stream = RandomStream(seed: 5)
        let xs = (0..<Self.draws).map { _ in sampler.sample(stream) }
        let share = Double(xs.filter { $0 == 483 }.count) / Double(Self.draws)
        #expect(abs(share - 0.75) < 5 * (0.75 * 0.25 / Double(Self.draws)).squareRoot())
        #expect(Set(xs) == [30, 483])
    }

    @Test func empiricalIsPiecewiseUniform() {
        // Bins [0,1) with mass 1/4 and [1,3) with mass 3/4: mean = 0.25*0.5 + 0.75*2 = 1.625.
        let d = Distribution(.empirical(values: [0, 1, 3], weights: [1, 3]))
        let m = moments(d)
        let second = 0.25 * (1.0 / 3) + 0.75 * (27.0 - 1) / 6
        let variance = second - 1.625 * 1.625
        expectMean(m.mean, 1.625, variance: variance)
        #expect(m.min >= 0 && m.max <= 3)
    }

    @Test func clampsBoundEveryDraw() {
        let m = moments(Distribution(.lognormal(mu: 13.5, sigma: 1.8, median: nil), clampMin: 20_000, clampMax: 16_777_215))
        #expect(m.min == 20_000 && m.max == 16_777_215)
    }

    @Test func integerDrawsRound() {
        let sampler = DistributionSampler(.constant(2.5))
        #expect(sampler.sampleInteger(RandomStream(seed: 1)) == 3)
    }
}
