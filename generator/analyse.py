"""Graph questions about an account, answered with networkx.

The decision-maker map and the team matrix are drawn from these same graphs,
and the policy checks ask their questions of them, so what the site shows and
what CI reports cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Optional

import networkx as nx

from .cycle import timeline_contacts
from .model import Plan, Portfolio

STRENGTH_WEIGHT = {"strong": 3, "medium": 2, "weak": 1}
INFLUENCE_WEIGHT = {"high": 3, "medium": 2, "low": 1}


def buying_centre(plan: Plan) -> nx.DiGraph:
    """The customer's people: an edge manager -> report (kind 'reports') and
    influencer -> influenced (kind 'influences'). Node attribute `stakeholder`."""
    graph = nx.DiGraph()
    for s in plan.stakeholders:
        graph.add_node(s.id, stakeholder=s)
    for s in plan.stakeholders:
        if s.reports_to in graph:
            graph.add_edge(s.reports_to, s.id, kind="reports")
        for target in s.influences:
            if target in graph and not graph.has_edge(s.id, target):
                graph.add_edge(s.id, target, kind="influences")
    return graph


def coverage_graph(plan: Plan) -> nx.Graph:
    """Bipartite: our people ('us', id) and theirs ('them', id), an edge per
    coverage with its strength and weight."""
    graph = nx.Graph()
    for member in plan.team:
        graph.add_node(("us", member.person), member=member, bipartite=0)
    for s in plan.stakeholders:
        graph.add_node(("them", s.id), stakeholder=s, bipartite=1)
    for member, cover in plan.coverage:
        if ("them", cover.stakeholder) in graph:
            graph.add_edge(("us", member.person), ("them", cover.stakeholder),
                           strength=cover.strength, weight=STRENGTH_WEIGHT[cover.strength])
    return graph


@dataclass(frozen=True)
class Coverage:
    """Who of ours covers whom on one account: the coverage graph, and for each stakeholder id
    our people's ids, strongest first. The map, the matrix and the tables of a page all ask."""

    graph: nx.Graph
    coverers: dict[str, list[str]]


def coverage(plan: Plan) -> Coverage:
    graph = coverage_graph(plan)
    return Coverage(graph, coverers(plan, graph))


def coverers(plan: Plan, graph: nx.Graph | None = None) -> dict[str, list[str]]:
    """For each stakeholder id, the ids of our people who cover them, strongest first."""
    graph = coverage_graph(plan) if graph is None else graph
    out: dict[str, list[str]] = {}
    for s in plan.stakeholders:
        edges = sorted(graph.edges(("them", s.id), data=True), key=lambda e: (-e[2]["weight"], e[1][1]))
        out[s.id] = [other[1] for _, other, _ in edges]
    return out


def reporting_levels(plan: Plan, graph: nx.DiGraph | None = None) -> dict[str, int]:
    """Depth of each stakeholder in the reporting lines (0 = top)."""
    graph = buying_centre(plan) if graph is None else graph
    reports = nx.DiGraph((u, v) for u, v, kind in graph.edges(data="kind") if kind == "reports")
    reports.add_nodes_from(graph.nodes)
    levels: dict[str, int] = {}
    for node in nx.topological_sort(reports):
        parents = list(reports.predecessors(node))
        levels[node] = 1 + max(levels[p] for p in parents) if parents else 0
    return levels


def has_left(stakeholder, today: Optional[dt.date] = None) -> bool:
    """Gone from the customer: `left` on or before `today` (any `left` date without one)."""
    return stakeholder.left is not None and (today is None or stakeholder.left <= today)


def uncovered_if_gone(plan: Plan, person: str, graph: nx.Graph | None = None,
                      influence: str = "high", today: Optional[dt.date] = None) -> list[str]:
    """Stakeholders of the given influence, still at the customer, whom nobody would cover if `person` left."""
    graph = coverage_graph(plan) if graph is None else graph
    node = ("us", person)
    if node not in graph:
        return []
    lost = []
    for _, them in graph.edges(node):
        stakeholder = graph.nodes[them]["stakeholder"]
        if stakeholder.influence == influence and graph.degree(them) == 1 and not has_left(stakeholder, today):
            lost.append(them[1])
    return sorted(lost)


@dataclass(frozen=True)
class Exposure:
    """What walks out of the door with one of our people."""

    person: str
    accounts: tuple[str, ...]
    covered: tuple[tuple[str, str], ...]  # (account id, stakeholder id) they cover
    lost_high_influence: tuple[tuple[str, str], ...]  # those nobody else covers


def portfolio_exposure(portfolio: Portfolio, today: Optional[dt.date] = None,
                       graph_of: Callable[[Plan], nx.Graph] = coverage_graph) -> dict[str, Exposure]:
    """What each of our people carries across the portfolio (`graph_of`: a plan's coverage graph,
    from a cache where the caller has one)."""
    accounts: dict[str, list[str]] = defaultdict(list)
    covered: dict[str, list] = defaultdict(list)
    lost: dict[str, list] = defaultdict(list)
    for plan in portfolio.plans:
        graph = graph_of(plan)
        for member in plan.team:
            accounts[member.person].append(plan.id)
            covered[member.person].extend((plan.id, c.stakeholder) for c in member.covers)
            lost[member.person].extend((plan.id, sid) for sid in uncovered_if_gone(plan, member.person, graph,
                                                                                     today=today))
    return {person: Exposure(person, tuple(accounts[person]), tuple(covered[person]), tuple(lost[person]))
            for person in sorted(accounts)}


# --- used by the policy checks (generator/checks) ------------------------------

def last_touch(plan: Plan, today: Optional[dt.date] = None) -> dict[str, Optional[dt.date]]:
    """For each stakeholder id, the latest date anyone of ours spoke with them or verified
    their role: their verified date and, for contacts, the timeline (interactions up to `today`)
    where it names them, else their last_contact and any coverage's last_contact. None if never."""
    timeline = timeline_contacts(plan, today)
    dates: dict[str, list[dt.date]] = {}
    for s in plan.stakeholders:
        contact = timeline[s.id].date if s.id in timeline else s.last_contact
        dates[s.id] = [d for d in (contact, s.verified) if d]
    for _, cover in plan.coverage:
        if cover.last_contact and cover.stakeholder in dates and cover.stakeholder not in timeline:
            dates[cover.stakeholder].append(cover.last_contact)
    return {sid: max(found, default=None) for sid, found in dates.items()}


def present_stakeholders(plan: Plan, today: dt.date) -> list:
    """The customer's people still there on `today` (not `left` on or before it)."""
    return [s for s in plan.stakeholders if s.left is None or s.left > today]


def people_covering(plan: Plan, stakeholder_ids, graph: nx.Graph | None = None) -> list[str]:
    """Our people who cover at least one of the given stakeholders, sorted."""
    graph = coverage_graph(plan) if graph is None else graph
    nodes = [("them", sid) for sid in stakeholder_ids if ("them", sid) in graph]
    return sorted({us[1] for node in nodes for us in graph.neighbors(node)})
