package dev.mamori.policy;

/** To whom the information goes, for actions that pass it on. */
public enum Recipient {
    NONE, ACCESS_HOLDER, COLLEAGUE_WITHOUT_ACCESS, THIRD_PARTY
}
