"""Head counts (编制数, 实有人数, 退休人员) and the 在职人员控制率 = 实有人数 ÷ 编制数."""
from __future__ import annotations

from ..model import Headcount, Staffing

#: the kinds of a head count, in the order reports list them: field, label of 编制, label of people
KINDS: list[tuple[str, str]] = [("administrative", "行政"), ("institutional", "事业"), ("worker", "工勤"),
                                ("other", "其他")]
#: the three kinds of 编制 (行政, 事业, 工勤): a list in prose naming all three is the whole head count
STAFF_KINDS: tuple[str, ...] = tuple(label for _name, label in KINDS if label != "其他")
#: the three classes of post of a 事业单位 (事业单位人事管理条例: 管理岗位、专业技术岗位和工勤技能岗位): a list naming all
#: three is every post
POST_KINDS: tuple[str, ...] = ("管理", "专业技术", "工勤")  # 管理岗位 / 管理人员, 工勤技能岗位 / 工勤人员 alike


def kinds(hc: Headcount) -> list[int]:
    """The kinds given (行政, 事业, 工勤, 其他, then those with their own labels), in order."""
    return [v for v in (getattr(hc, name) for name, _label in KINDS) if v is not None] + [k.count for k in hc.kinds]


def headcount_total(hc: Headcount | None) -> int | None:
    """A head count's total: declared, or the sum of its kinds; None when neither is given."""
    if hc is None:
        return None
    if hc.total is not None:
        return hc.total
    ks = kinds(hc)
    return sum(ks) if ks else None


def people_total(st: Staffing) -> int | None:
    """人员共计: declared, or 实有人数 + 退休人员 when both are known."""
    if st.total is not None:
        return st.total
    actual = headcount_total(st.actual)
    return actual + st.retired if actual is not None and st.retired is not None else None


def control_figures(st: Staffing | None) -> tuple[int, int] | None:
    """(实有人数, 编制数) of the 在职人员控制率, when both are known and 编制数 is not 0."""
    if st is None:
        return None
    actual, authorized = headcount_total(st.actual), headcount_total(st.authorized)
    return (actual, authorized) if actual is not None and authorized else None
