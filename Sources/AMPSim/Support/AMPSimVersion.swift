/// The version of ampsim, written into every run.json so that results name the code that made them.
public enum AMPSimVersion {
    public static let string = "0.2.0"
}
